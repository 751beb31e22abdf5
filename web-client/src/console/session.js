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

  async api(path, options = {}) {
    try {
      return await api(path, { ...options, bearer: session.key });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.onRefused();
      throw e;
    }
  },
};
