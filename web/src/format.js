// How values from the API are shown, the same on every screen.

// The API's dates are ISO 8601 with an offset ("2026-12-06T14:00:00.0000000+00:00").
export function formatDate(value, { time = false } = {}) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return time
    ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

// For <input type="date">: YYYY-MM-DD of an API date, or ''.
export function dateInputValue(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}

export function formatSize(bytes) {
  if (bytes === undefined || bytes === null) return '';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// A person as the API's wrappers give them (EmployeeWrapper: displayName, or a bare id).
export function personName(person) {
  if (!person) return '';
  return person.displayName || person.userName || person.email || '';
}
