// The admin API as the console calls it: the session cookie goes along by itself, and every change carries the
// session's CSRF token, which /console/session hands to this page's scripts.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function signInAgain() {
  window.location.assign('/console/signin');
  return new ApiError(401, 'Unauthorized', 'The console session has ended: sign in again.');
}

/** Reads the session's CSRF token; without a live session the browser goes to the sign-in page. */
export async function openSession() {
  const response = await fetch('/console/session', { credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 401) {
    throw signInAgain();
  }
  const session = await response.json();
  csrfToken = session.csrfToken;
  return session;
}

/** Ends the session on the server, then shows the sign-in page. */
export async function signOut() {
  await fetch('/console/signout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken } });
  window.location.assign('/console/signin');
}

/** One admin API call: {@code path} below /admin/v1, a JSON body or none; answers the parsed JSON (null for none). */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch('/admin/v1' + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 401) {
    throw signInAgain();
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, null, `The admin API answered ${response.status} with a body that is not JSON.`);
  }
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    throw new ApiError(response.status, error.code || null, error.message || `HTTP ${response.status}`);
  }
  return json;
}

/** A query string of the non-empty values, with a leading '?' when there are any. */
export function query(values) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      parameters.set(name, String(value).trim());
    }
  }
  const text = parameters.toString();
  return text ? '?' + text : '';
}

export const tenantPath = (tenantId) => '/tenants/' + encodeURIComponent(tenantId);
