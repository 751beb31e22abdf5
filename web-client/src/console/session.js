import { api, ApiError } from '/shared/http.js';

/**
 * Who is signed in to the console, and API calls made as them. A person's session token is kept in localStorage, so
 * every tab of this browser shares the sign-in until it expires or they sign out; an operator's installation key is
 * kept in sessionStorage only (gone when the tab closes), as a long-lived admin key should not outlive the tab. A
 * refused credential calls {@code onRefused}, which sends the person back to sign in.
 */
const TOKEN = 'viva.console.session';
const KEY = 'viva.console.key';

export const session = {
  onRefused: () => {},

  /** GET /api/v1/me of the signed-in caller, loaded by the console after sign-in. */
  me: null,

  /** The bearer credential: the person's session token, or the operator's key. */
  get key() {
    return localStorage.getItem(TOKEN) ?? sessionStorage.getItem(KEY);
  },

  /** An operator's API key, for this tab only; null signs out locally. */
  set key(value) {
    localStorage.removeItem(TOKEN);
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  },

  /**
   * Saves a recruiter-only file (a report as HTML, Markdown or PDF) under {@code filename}: fetched with the key,
   * since a plain link would reach the API without it and get a 401, then handed to the browser as a download.
   */
  async download(path, filename) {
    let response;
    try {
      response = await fetch(path, { headers: { Authorization: `Bearer ${session.key}` } });
    } catch {
      throw new ApiError(0, 'The server cannot be reached. Check your connection.');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      if (response.status === 401) session.onRefused();
      throw new ApiError(response.status, problem?.detail ?? `${response.status} ${response.statusText}`, problem);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },

  /** A person's session token, shared by this browser's tabs. */
  set token(value) {
    sessionStorage.removeItem(KEY);
    localStorage.setItem(TOKEN, value);
  },

  /** Whether the caller may create and change things (viewers may not); the server refuses them anyway. */
  get canWrite() {
    return session.me?.role !== 'viewer';
  },

  async api(path, options = {}) {
    try {
      return await api(path, { ...options, bearer: session.key });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.onRefused();
      throw e;
    }
  },
};
