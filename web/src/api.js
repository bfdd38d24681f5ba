// The app's one way to call projectd: the public API 2.0, as any client calls it
// (docs/web-app.md). Credentials ride the HttpOnly sign-in cookie; every call says
// X-Requested-With so a 401 never opens the browser's own password prompt, and the server's
// same-origin check accepts it. Answers are the API's envelope; `response` is returned, and a
// refusal throws ApiError with the server's own message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const listeners = new Set();
// Called with no argument when a call answers 401: the session expired or was revoked.
export function onSignedOut(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function query(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path, params) {
  return `/api/2.0/${path}${query(params)}`;
}

function messageOf(status, envelope) {
  const message = envelope && envelope.error && envelope.error.message;
  if (message) return message;
  if (status === 0) return 'The server cannot be reached. Check the connection and try again.';
  return `The server answered ${status}.`;
}

// The envelope of a finished XMLHttpRequest or fetch body, or null when it is not JSON.
export function parseEnvelope(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Throws ApiError for a refusal; tells the listeners about a 401. Returns `response`.
export function unwrap(status, envelope) {
  if (status === 401) listeners.forEach((listener) => listener());
  if (status < 200 || status >= 300 || !envelope || envelope.status !== 0) {
    throw new ApiError(status, messageOf(status, envelope));
  }
  return envelope.response;
}

export const requestHeaders = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

// api('GET', 'project/12') -> the project. `body` is sent as JSON.
export async function api(method, path, { params, body } = {}) {
  const headers = { ...requestHeaders };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(apiUrl(path, params), init);
  } catch {
    throw new ApiError(0, messageOf(0, null));
  }
  return unwrap(res.status, parseEnvelope(await res.text()));
}

// Uploads `formData` with XMLHttpRequest, whose upload events give the progress fetch lacks.
// onProgress(loaded, total). Resolves to `response`; rejects with ApiError.
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    for (const [name, value] of Object.entries(requestHeaders)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded, e.total);
    xhr.onload = () => {
      try {
        resolve(unwrap(xhr.status, parseEnvelope(xhr.responseText)));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, messageOf(0, null)));
    xhr.send(formData);
  });
}
