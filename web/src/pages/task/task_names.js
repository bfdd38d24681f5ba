// The API's numbers for a task's status and priority, as words (the API accepts the words too).
export const STATUSES = ['open', 'closed'];
export const PRIORITIES = ['high', 'normal', 'low'];

// TaskWrapper.status: 1 open, 2 closed.
export const statusName = (status) => (status === 2 ? 'closed' : 'open');

// TaskWrapper.priority: 1 high, 0 normal, -1 low.
export const priorityName = (priority) => (priority === 1 ? 'high' : priority === -1 ? 'low' : 'normal');
