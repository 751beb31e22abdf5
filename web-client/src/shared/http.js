/** A refused or failed API call: {@code status} 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(status, detail, problem = null) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the Viva API with a bearer credential and returns the parsed JSON (or null for 204). Errors arrive as
 * problem+json (RFC 9457) whose {@code detail} is written for people, so that is what the error carries.
 */
export async function api(path, { method = 'GET', bearer, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection.');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page, say: fall through with the status alone
  }
  if (!response.ok) {
    // a form shows the problem's per-field errors next to its fields; the detail already names them for the rest
    throw new ApiError(response.status, json?.detail || `${response.status} ${response.statusText}`.trim(), json);
  }
  return json;
}

/** The ws:// or wss:// address of a socket path the API handed out (a ticket URL). */
export function socketUrl(path) {
  const url = new URL(path, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
