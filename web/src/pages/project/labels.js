// How the project screens name the API's numeric codes (store/project_records.h: the original's
// enums), so every tab says "Closed" or "High" the same way.

export const PROJECT_CLOSED = 1;
export const TASK_OPEN = 1;
export const TASK_CLOSED = 2;

const projectStatuses = { 0: 'Open', 1: 'Closed', 2: 'Paused' };
const taskStatuses = { [TASK_OPEN]: 'Open', [TASK_CLOSED]: 'Closed' };
const milestoneStatuses = { 0: 'Open', 1: 'Closed' };
const priorities = { 1: 'High', 0: 'Normal', '-1': 'Low' };

export const projectStatusName = (status) => projectStatuses[status] || '';
export const milestoneStatusName = (status) => milestoneStatuses[status] || '';
export const priorityName = (priority) => priorities[priority] || '';

// A task's status as people see it: its custom status's title when it has one (project/status),
// else Open or Closed.
export function taskStatusName(task, statuses = []) {
  const custom = task.customTaskStatus && statuses.find((s) => s.id === task.customTaskStatus);
  return custom ? custom.title : taskStatuses[task.status] || '';
}

// The API's priority words, as POST/PUT project/task take them.
export const PRIORITY_CHOICES = [
  ['normal', 'Normal'],
  ['high', 'High'],
  ['low', 'Low'],
];
