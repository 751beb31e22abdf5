import { api } from '/shared/http.js';
import { h, fill } from '/shared/dom.js';
import { when } from '/shared/labels.js';
import { session } from './session.js';

/** The signed-in person's own account: their API keys (created, listed, revoked) and their password. */
export function accountView(root) {
  const me = session.me;
  if (!me.userId) {
    fill(root, h('h1', {}, 'Your account'),
      h('p', { class: 'banner info' }, 'You signed in with an installation key, which belongs to no person. Add users ',
        'on the ', h('a', { href: '#/users' }, 'Users'), ' page, then sign in as one of them to have API keys and a password.'));
    return;
  }
  const keysMessage = h('div', { 'aria-live': 'polite' });
  const keys = h('div', {}, h('p', {}, 'Loading…'));
  const keyName = h('input', { id: 'key-name', required: true, maxlength: 100, autocomplete: 'off', 'aria-describedby': 'key-name-hint' });
  const keyError = h('p', { class: 'error', role: 'alert', hidden: true });
  const keyForm = h('form', { class: 'card', 'aria-labelledby': 'new-key-title' },
    h('h3', { id: 'new-key-title' }, 'New API key'),
    h('div', { class: 'inline-form' },
      h('div', { class: 'field' }, h('label', { for: 'key-name' }, 'Name'), keyName),
      h('div', { class: 'field' }, h('span', { 'aria-hidden': 'true' }, '\u00a0'), h('button', { type: 'submit', class: 'primary' }, 'Create key'))),
    h('p', { id: 'key-name-hint', class: 'hint' }, `What will use it, e.g. "ATS sync". It acts as you, with your role (${me.role}).`),
    keyError);
  keyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    keyError.hidden = true;
    try {
      const created = await session.api('/api/v1/me/keys', { method: 'POST', body: { name: keyName.value } });
      keyName.value = '';
      fill(keysMessage, secretCard(created));
      loadKeys();
    } catch (e) {
      fill(keyError, e.message);
      keyError.hidden = false;
    }
  });

  fill(root,
    h('h1', {}, 'Your account'),
    h('p', {}, `${me.email} · ${me.role}`),
    h('h2', {}, 'API keys'),
    h('p', { class: 'hint' }, 'For programs that call the Viva API for you. Revoke a key you no longer use or that may have leaked: it stops working at once.'),
    keysMessage, me.session ? keyForm : null, keys,
    h('h2', {}, 'Password'),
    me.session ? passwordForm() : h('p', {}, 'Sign in with your password to change it.'));

  async function loadKeys() {
    try {
      const list = await session.api('/api/v1/me/keys');
      fill(keys, list.length ? keyTable(list) : h('p', { class: 'muted' }, 'You have no API keys.'));
    } catch (e) {
      fill(keys, h('p', { class: 'banner error', role: 'alert' }, e.message));
    }
  }

  function keyTable(list) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
      h('caption', { class: 'sr-only' }, 'Your API keys, newest first'),
      h('thead', {}, h('tr', {}, ['Name', 'Created', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, list.map((k) => h('tr', { 'data-key': k.name },
        h('td', {}, h('strong', {}, k.name)),
        h('td', {}, when(k.createdAt)),
        h('td', {}, k.lastUsedAt ? when(k.lastUsedAt) : 'never'),
        h('td', {}, k.revokedAt ? `Revoked ${when(k.revokedAt)}`
          : h('button', { type: 'button', 'aria-label': `Revoke ${k.name}`, onclick: () => revoke(k) }, 'Revoke')))))));
  }

  async function revoke(key) {
    try {
      await session.api(`/api/v1/me/keys/${key.id}`, { method: 'DELETE' });
      fill(keysMessage, h('p', { class: 'banner ok', role: 'status' }, `"${key.name}" is revoked.`));
    } catch (e) {
      fill(keysMessage, h('p', { class: 'banner error', role: 'alert' }, e.message));
    }
    loadKeys();
  }

  loadKeys();
}

/** A new key's secret, shown once. */
function secretCard(created) {
  return h('section', { class: 'card banner ok', 'aria-labelledby': 'secret-title' },
    h('h3', { id: 'secret-title' }, `Key "${created.name}" created`),
    h('div', { class: 'field' }, h('label', { for: 'new-key' }, 'The key'),
      h('input', { id: 'new-key', class: 'secret', readonly: true, value: created.key, 'aria-describedby': 'new-key-hint' })),
    h('p', { id: 'new-key-hint', class: 'hint' }, 'Copy it now and keep it secret: it is shown only this once. Programs send it as ',
      h('code', {}, 'Authorization: Bearer <key>'), '.'));
}

function passwordForm() {
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12, 'aria-describedby': 'new-password-hint' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card narrow' },
    h('div', { class: 'field' }, h('label', { for: 'current-password' }, 'Current password'), current),
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, 'New password'), next,
      h('p', { id: 'new-password-hint', class: 'hint' }, 'At least 12 characters; a few unrelated words are easy to remember. Your other sign-ins end.')),
    outcome,
    h('button', { type: 'submit', class: 'primary' }, 'Change password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await session.api('/api/v1/me/password', { method: 'PUT', body: { currentPassword: current.value, newPassword: next.value } });
      current.value = '';
      next.value = '';
      fill(outcome, h('p', { class: 'banner ok', role: 'status' }, 'Your password is changed.'));
    } catch (e) {
      fill(outcome, h('p', { class: 'banner error', role: 'alert' }, e.message));
    }
  });
  return form;
}

/** The page a set-password link opens: the person chooses their password, then signs in with it. */
export function setPasswordView(root, { token }) {
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12, 'aria-describedby': 'new-password-hint' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'set-password-title' },
    h('h1', { id: 'set-password-title' }, 'Choose your password'),
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, 'Password'), password,
      h('p', { id: 'new-password-hint', class: 'hint' }, 'At least 12 characters; a few unrelated words are easy to remember.')),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Set password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/api/v1/password-links/use', { method: 'POST', body: { token, password: password.value } });
    } catch (e) {
      fill(error, e.message);
      error.hidden = false;
      password.focus();
      return;
    }
    // the link is used up: leave its address, so that neither history nor a reload keeps the token
    history.replaceState(null, '', location.pathname);
    fill(root, h('section', { class: 'card narrow' }, h('h1', { tabindex: '-1' }, 'Your password is set'),
      h('p', {}, h('a', { href: '#/', id: 'go-sign-in' }, 'Sign in'), ' with your e-mail address and the new password.')));
    root.querySelector('h1').focus();
  });
  fill(root, form);
  password.focus();
}
