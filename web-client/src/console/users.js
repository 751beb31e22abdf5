import { h, fill } from '/shared/dom.js';
import { when } from '/shared/labels.js';
import { session } from './session.js';

const ROLES = [['admin', 'Admin: everything, and manages users'], ['recruiter', 'Recruiter: creates and changes interviews'],
  ['viewer', 'Viewer: looks and watches, changes nothing']];

/** Admins manage who can sign in: create (with a set-password link shown once), role, disable, unlock, delete. */
export function usersView(root) {
  const message = h('div', { 'aria-live': 'polite' });
  const results = h('div', {}, h('p', {}, 'Loading…'));
  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-role' }, ROLES.map(([id, text]) => h('option', { value: id, selected: id === 'recruiter' }, text)));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'card', 'aria-labelledby': 'add-user-title' },
    h('h2', { id: 'add-user-title' }, 'Add a user'),
    h('div', { class: 'inline-form' },
      h('div', { class: 'field' }, h('label', { for: 'new-email' }, 'E-mail address'), email),
      h('div', { class: 'field' }, h('label', { for: 'new-role' }, 'Role'), role),
      h('div', { class: 'field' }, h('span', { 'aria-hidden': 'true' }, '\u00a0'), h('button', { type: 'submit', class: 'primary' }, 'Add user'))),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const created = await session.api('/api/v1/users', { method: 'POST', body: { email: email.value.trim(), role: role.value } });
      email.value = '';
      fill(message, linkCard(`${created.user.email} was added.`, created.passwordLink));
      load();
    } catch (e) {
      fill(error, e.message);
      error.hidden = false;
    }
  });
  fill(root, h('h1', {}, 'Users'), message, form, results);

  async function load() {
    try {
      fill(results, table(await session.api('/api/v1/users')));
    } catch (e) {
      fill(results, h('p', { class: 'banner error', role: 'alert' }, e.message));
    }
  }

  /** Runs a change, then shows its outcome and the list as it now is. */
  async function change(done, call) {
    try {
      const result = await call();
      fill(message, typeof done === 'function' ? done(result) : h('p', { class: 'banner ok', role: 'status' }, done));
    } catch (e) {
      fill(message, h('p', { class: 'banner error', role: 'alert' }, e.message));
    }
    load();
  }

  function table(users) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
      h('caption', { class: 'sr-only' }, 'Users, by e-mail address'),
      h('thead', {}, h('tr', {}, ['User', 'Role', 'Status', 'Last sign-in', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, users.map(row))));
  }

  function row(user) {
    const self = user.id === session.me.userId;
    const id = `role-${user.id}`;
    const select = h('select', { id, disabled: self, 'aria-describedby': self ? 'self-note' : null },
      ROLES.map(([r]) => h('option', { value: r, selected: r === user.role }, r)));
    select.addEventListener('change', () => change(`${user.email} is now ${select.value}.`,
      () => session.api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { role: select.value } })));
    const button = (text, onclick, attrs = {}) => h('button', { type: 'button', onclick, ...attrs }, text);
    const status = user.disabled ? 'Disabled' : user.locked ? `Locked until ${when(user.lockedUntil)}`
      : user.passwordSet ? 'Active' : 'Waiting for a password';
    return h('tr', { 'data-email': user.email },
      h('td', {}, h('strong', {}, user.email), self ? h('span', { class: 'muted', id: 'self-note' }, ' (you: another admin changes your own role or account)') : null),
      h('td', {}, h('label', { for: id, class: 'sr-only' }, `Role of ${user.email}`), select),
      h('td', {}, status),
      h('td', {}, user.lastSignInAt ? when(user.lastSignInAt) : '—'),
      h('td', {}, h('div', { class: 'row-actions' },
        user.locked ? button('Unlock', () => change(`${user.email} is unlocked.`,
          () => session.api(`/api/v1/users/${user.id}/unlock`, { method: 'POST' }))) : null,
        self ? null : button(user.disabled ? 'Enable' : 'Disable', () => change(
          `${user.email} is ${user.disabled ? 'enabled' : 'disabled'}.`,
          () => session.api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { disabled: !user.disabled } }))),
        button('New password link', () => change((link) => linkCard(`A new link for ${user.email}; earlier links no longer work.`, link),
          () => session.api(`/api/v1/users/${user.id}/password-link`, { method: 'POST' }))),
        self ? null : button('Delete', () => confirmDelete(user), { class: 'danger' }))));
  }

  function confirmDelete(user) {
    const dialog = h('dialog', { 'aria-labelledby': 'delete-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'delete-title' }, `Delete ${user.email}?`),
        h('p', {}, 'They can no longer sign in and their API keys stop working. The audit log keeps what they did.'),
        h('div', { class: 'actions' },
          h('button', { value: 'delete', class: 'primary' }, 'Delete user'),
          h('button', { value: 'keep', autofocus: true }, 'Keep'))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (dialog.returnValue === 'delete') {
        change(`${user.email} was deleted.`, () => session.api(`/api/v1/users/${user.id}`, { method: 'DELETE' }));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  load();
}

/** A set-password link, shown once: the admin copies it and hands it to the person. */
function linkCard(title, link) {
  const input = h('input', { id: 'password-link', class: 'secret', readonly: true, value: link.url, 'aria-describedby': 'password-link-hint' });
  const copied = h('span', { role: 'status', class: 'muted' });
  const copy = h('button', { type: 'button', class: 'primary' }, 'Copy link');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      fill(copied, 'Copied.');
    } catch {
      input.select();
      fill(copied, 'Press Ctrl+C to copy the selected link.');
    }
  });
  return h('section', { class: 'card banner ok', 'aria-labelledby': 'link-title' },
    h('h2', { id: 'link-title' }, title),
    h('div', { class: 'field' }, h('label', { for: 'password-link' }, 'Set-password link'), input),
    h('p', { id: 'password-link-hint', class: 'hint' }, `Hand it to them: it lets them choose their password once, until `
      + `${when(link.expiresAt)}. It is shown only now.`),
    h('div', { class: 'actions' }, copy, copied));
}
