// A project's status: the API's numbers (ProjectWrapper.status) and the names its filter takes.
export const projectStatuses = [
  { value: 'open', number: 0, label: 'Open' },
  { value: 'paused', number: 2, label: 'Paused' },
  { value: 'closed', number: 1, label: 'Closed' },
];

export function statusOf(number) {
  return projectStatuses.find((s) => s.number === number) || { value: 'unknown', label: 'Unknown' };
}
