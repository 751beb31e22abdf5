import { api, ApiError } from '/shared/http.js';

/**
 * The recruiter's API key, typed in once per browser tab and kept in sessionStorage only (gone when the tab
 * closes), and API calls made with it. A refused key calls {@code onRefused}, which sends the recruiter back to
 * sign in.
 */
const KEY = 'viva.console.key';

export const session = {
  onRefused: () => {},

  get key() {
    return sessionStorage.getItem(KEY);
  },

  set key(value) {
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

  async api(path, options = {}) {
    try {
      return await api(path, { ...options, bearer: session.key });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.onRefused();
      throw e;
    }
  },
};
