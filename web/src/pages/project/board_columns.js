// The board's columns: the portal's task statuses (project/status, each with statusType 1 open or
// 2 closed), or plain Open and Closed when the portal has none. A task belongs to its custom
// status's column, else to the default column of its status type.
import { PROJECT_CLOSED, TASK_CLOSED, TASK_OPEN } from './labels.js';

const FALLBACK = [
  { key: 'open', title: 'Open', statusType: TASK_OPEN },
  { key: 'closed', title: 'Closed', statusType: TASK_CLOSED },
];

export function boardColumns(statuses) {
  const all = statuses || [];
  const types = new Set(all.map((s) => s.statusType));
  // Both types must have a column, or some tasks would have nowhere to go.
  if (!types.has(TASK_OPEN) || !types.has(TASK_CLOSED)) return FALLBACK;
  return [...all]
    .sort((a, b) => a.statusType - b.statusType || a.order - b.order)
    .map((s) => ({
      key: String(s.id),
      id: s.id,
      title: s.title,
      statusType: s.statusType,
      isDefault: s.isDefault,
      available: s.available !== false,
    }));
}

// Whether `me` may move `task` into `column`: the card's canEdit in a project that is not closed
// (a closed project's tasks are frozen: the server answers 409), and a status that is not
// available to everyone only for the task's creator, the project's manager or an administrator
// (the server's rule, status_rules.cc require_may_set_status).
export function mayMoveTo(column, task, project, me) {
  if (!task.canEdit || project.status === PROJECT_CLOSED) return false;
  if (column.available !== false) return true;
  const creator = task.createdBy && (task.createdBy.id || task.createdBy);
  return me.isAdmin || creator === me.id || (project.responsible && project.responsible.id === me.id);
}

export function columnOf(task, columns) {
  const custom = task.customTaskStatus && columns.find((c) => c.id === task.customTaskStatus);
  if (custom) return custom.key;
  const ofType = columns.filter((c) => c.statusType === task.status);
  const chosen = ofType.find((c) => c.isDefault) || ofType[0];
  return chosen ? chosen.key : columns[0].key;
}

// The body of PUT project/task/{id}/status that moves a task into `column`.
export function statusChange(column) {
  const status = column.statusType === TASK_CLOSED ? 'closed' : 'open';
  return column.id ? { status, statusId: column.id } : { status };
}
