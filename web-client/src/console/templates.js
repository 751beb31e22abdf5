import { h, fill } from '/shared/dom.js';
import { when } from '/shared/labels.js';
import { session } from './session.js';

/*
 * Role templates: the list (status, versions, copy, retire), a template's versions (publish), a version in the YAML
 * editor or the form editor, and drafting from a job description. Every save is a new draft version; what the parser
 * and the linter say is shown next to the line (YAML) or the field (form) it is about.
 */
const YAML = 'application/yaml';
const BASE = '/api/v1/role-templates';

const enc = encodeURIComponent;

function banner(kind, ...text) {
  return h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

function statusBadge(status) {
  const label = { active: 'Active', draft: 'Draft', retired: 'Retired' }[status] ?? status;
  return h('span', { class: `badge template-${status}` }, label);
}

export function templatesView(root) {
  const results = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  const notice = h('div');
  fill(root,
    h('div', { class: 'heading-row' }, h('h1', {}, 'Role templates'),
      h('a', { class: 'button primary', href: '#/templates/new' }, 'Upload a template')),
    h('p', { class: 'muted' }, 'Installed templates are read-only: copy one to tailor it. Every save is a draft version; '
      + 'publishing makes it the version new interviews get, and interviews already created keep theirs.'),
    notice, results, draftCard());

  const load = () => session.api(BASE).then((templates) => fill(results, table(templates))).catch((e) => fill(results, banner('error', e.message)));

  function table(templates) {
    const rows = templates.map((t) => {
      const retire = h('button', { type: 'button' }, t.status === 'retired' ? 'Restore' : 'Retire');
      retire.setAttribute('aria-label', `${t.status === 'retired' ? 'Restore' : 'Retire'} ${t.name}`);
      retire.addEventListener('click', async () => {
        try {
          if (t.status === 'retired') await session.api(`${BASE}/${enc(t.id)}/restore`, { method: 'POST' });
          else await session.api(`${BASE}/${enc(t.id)}/retire`, { method: 'POST', body: {} });
          fill(notice, banner('ok', `${t.name} ${t.status === 'retired' ? 'takes new interviews again' : 'is retired: no new interviews, running ones finish'}.`));
          load();
        } catch (e) {
          fill(notice, banner('error', e.message));
        }
      });
      return h('tr', {},
        h('td', {}, h('a', { href: `#/templates/${t.id}` }, t.name), h('div', { class: 'muted' }, t.id)),
        h('td', {}, t.editable ? 'Custom' : 'Installed (read-only)'),
        h('td', {}, statusBadge(t.status)),
        h('td', {}, t.currentVersion ? `v${t.currentVersion}` : 'none', t.latestVersion !== t.currentVersion ? ` (newest v${t.latestVersion})` : ''),
        h('td', {}, h('div', { class: 'row-actions' },
          h('a', { href: `#/templates/${t.id}`, 'aria-label': `Versions of ${t.name}` }, 'Versions'),
          h('a', { href: `#/templates/${t.id}/copy`, 'aria-label': `Copy ${t.name}` }, 'Copy'),
          retire)));
    });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
      h('caption', { class: 'sr-only' }, 'Role templates'),
      h('thead', {}, h('tr', {}, ['Template', 'Origin', 'Status', 'Published', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
  }

  load();
}

/** A language model proposes a template from a job description; it is saved as a draft to review. */
function draftCard() {
  const job = h('textarea', { id: 'job-description', rows: 8, required: true, 'aria-describedby': 'job-hint' });
  const id = h('input', { id: 'draft-id', autocomplete: 'off', spellcheck: 'false', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const out = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Draft a template');
  const form = h('form', { class: 'card', 'aria-labelledby': 'draft-title' },
    h('h2', { id: 'draft-title' }, 'Draft from a job description'),
    h('div', { class: 'field' }, h('label', { for: 'job-description' }, 'Job description'), job,
      h('p', { id: 'job-hint', class: 'hint' }, 'A language model proposes phases, questions, key points, probes and answers about the role. '
        + 'The draft is never published by itself: review it first.')),
    h('div', { class: 'field' }, h('label', { for: 'draft-id' }, 'Template id (optional)'), id),
    out, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    fill(out, h('p', {}, 'Drafting… this can take a minute or two.'));
    try {
      const body = { jobDescription: job.value, ...(id.value.trim() ? { id: id.value.trim() } : {}) };
      const drafted = await session.api(`${BASE}/drafts`, { method: 'POST', body });
      location.hash = `#/templates/${drafted.id}/versions/${drafted.version.version}?drafted=${drafted.repairs.length}`;
    } catch (e) {
      fill(out, banner('error', e.message));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export function newTemplateView(root) {
  fill(root, h('h1', {}, 'Upload a template'),
    h('p', { class: 'muted' }, 'Paste or load a YAML template (the format of the installed ones; copying one is the quickest start). '
      + 'Check it to see the parser\'s and the linter\'s messages next to their lines, then save it as a draft.'),
    yamlEditor({ yaml: '', save: (yaml) => session.api(BASE, { method: 'POST', body: yaml, type: YAML }) }));
}

export function copyView(root, { id }) {
  const newId = h('input', { id: 'copy-id', required: true, autocomplete: 'off', spellcheck: 'false', value: `${id}-custom` });
  const name = h('input', { id: 'copy-name', required: true, autocomplete: 'off' });
  const error = h('div');
  const form = h('form', { class: 'card narrow' },
    h('h1', {}, `Copy ${id}`),
    h('div', { class: 'field' }, h('label', { for: 'copy-id' }, 'New template id'), newId,
      h('p', { class: 'hint' }, 'Lower-case words joined by dashes, e.g. senior-backend-engineer.')),
    h('div', { class: 'field' }, h('label', { for: 'copy-name' }, 'Name'), name),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Copy as a draft')));
  session.api(`${BASE}/${enc(id)}`).then((t) => { name.value ||= `${t.template.name} (copy)`; }).catch(() => {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await session.api(`${BASE}/${enc(id)}/copy`, { method: 'POST', body: { id: newId.value.trim(), name: name.value.trim() } });
      location.hash = `#/templates/${saved.id}/versions/${saved.version.version}`;
    } catch (e) {
      fill(error, banner('error', e.message));
    }
  });
  fill(root, form);
}

export function templateView(root, { id }) {
  const notice = h('div');
  const body = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  fill(root, body);
  const load = () => session.api(`${BASE}/${enc(id)}`).then((detail) => {
    const t = detail.template;
    const rows = detail.versions.map((v) => {
      let publish = null;
      if (t.editable && v.state !== 'current') {
        publish = h('button', { type: 'button', 'aria-label': `Publish version ${v.version}` }, 'Publish');
        publish.addEventListener('click', async () => {
          try {
            await session.api(`${BASE}/${enc(id)}/versions/${v.version}/publish`, { method: 'POST' });
            fill(notice, banner('ok', `Version ${v.version} is published: new interviews use it; interviews already created keep theirs.`));
            load();
          } catch (e) {
            fill(notice, banner('error', e.message));
          }
        });
      }
      return h('tr', {},
        h('td', {}, h('a', { href: `#/templates/${id}/versions/${v.version}` }, `Version ${v.version}`)),
        h('td', {}, { current: 'Current', published: 'Published before', draft: 'Draft' }[v.state]),
        h('td', {}, v.source), h('td', {}, v.createdBy, h('div', { class: 'muted' }, when(v.createdAt))),
        h('td', {}, publish));
    });
    fill(body,
      h('div', { class: 'heading-row' }, h('h1', {}, t.name), statusBadge(t.status)),
      h('p', { class: 'muted' }, `${t.id} · ${t.editable ? 'custom' : `installed (${t.origin}), read-only`}`),
      notice,
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/templates/${id}/versions/${t.latestVersion}` }, t.editable ? 'Edit the newest version' : 'View the template'),
        h('a', { class: 'button', href: `#/templates/${id}/copy` }, 'Copy')),
      h('h2', {}, 'Versions'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
        h('caption', { class: 'sr-only' }, `Versions of ${t.name}`),
        h('thead', {}, h('tr', {}, ['Version', 'State', 'Source', 'Saved by', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))));
  }).catch((e) => fill(body, banner('error', e.message)));
  load();
}

export function versionView(root, { id, version, query }) {
  fill(root, h('p', {}, 'Loading…'));
  Promise.all([session.api(`${BASE}/${enc(id)}`), session.api(`${BASE}/${enc(id)}/versions/${version}`)]).then(([detail, v]) => {
    const t = detail.template;
    const save = t.editable ? (doc, type) => session.api(`${BASE}/${enc(id)}/versions`, { method: 'POST', body: doc, type }) : null;
    const yamlTab = yamlEditor({ yaml: v.yaml, save: save && ((doc) => save(doc, YAML)), issues: v.issues });
    const formTab = v.template ? formEditor(v.template, save && ((doc) => save(doc)), v.issues) : h('p', {}, 'This version does not parse: fix it in YAML.');
    const tabs = tabbed([['yaml', 'YAML', yamlTab], ['form', 'Form', formTab]]);
    const drafted = query.get('drafted');
    fill(root,
      h('div', { class: 'heading-row' }, h('h1', {}, `${v.template?.name ?? id} · version ${version}`),
        h('a', { class: 'button', href: `#/templates/${id}` }, 'All versions')),
      h('p', { class: 'muted' }, `${{ current: 'The current version', published: 'Published before', draft: 'A draft' }[v.version.state]}`
        + ` · ${t.editable ? 'saving makes a new draft version' : 'installed, read-only: copy it to edit'}`),
      drafted !== null ? banner('info', `Drafted by a language model${Number(drafted) ? ` (${drafted} mechanical repairs)` : ''}. `
        + 'Review every question, key point and answer about the role before publishing.') : null,
      tabs);
  }).catch((e) => fill(root, banner('error', e.message)));
}

function tabbed(tabs) {
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Editor' });
  const panels = [];
  tabs.forEach(([key, label, content], i) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${key}`, 'aria-controls': `panel-${key}`, 'aria-selected': String(i === 0), tabindex: i === 0 ? 0 : -1 }, label);
    const panel = h('div', { role: 'tabpanel', id: `panel-${key}`, 'aria-labelledby': `tab-${key}`, hidden: i !== 0 }, content);
    tab.addEventListener('click', () => {
      for (const other of list.children) {
        other.setAttribute('aria-selected', String(other === tab));
        other.tabIndex = other === tab ? 0 : -1;
      }
      for (const p of panels) p.hidden = p !== panel;
    });
    list.append(tab);
    panels.push(panel);
  });
  return h('div', {}, list, panels);
}

/** A summary line and the issues, each shown with the line or field it is about. */
function summary(result) {
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.length - errors;
  return result.publishable
    ? banner('ok', `No errors: it can be published.${warnings ? ` ${warnings} warning${warnings === 1 ? '' : 's'} (the installed templates' bar) do not block publishing.` : ''}`)
    : banner('error', `${errors} error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} before publishing.`);
}

function issueItem(issue, extra) {
  return h('li', { class: `issue issue-${issue.severity}` },
    h('strong', {}, issue.severity === 'error' ? 'Error' : 'Warning'), ' ',
    issue.path ? h('code', {}, issue.path) : null, issue.path ? ': ' : '', issue.message, extra);
}

function yamlEditor({ yaml, save, issues }) {
  const area = h('textarea', { id: 'template-yaml', rows: 24, spellcheck: 'false', class: 'code', readonly: !save, 'aria-describedby': 'yaml-issues-title' });
  area.value = yaml;
  const file = h('input', { id: 'template-file', type: 'file', accept: '.yaml,.yml,application/yaml,text/yaml' });
  file.addEventListener('change', async () => {
    if (file.files[0]) area.value = await file.files[0].text();
  });
  const out = h('section', { id: 'yaml-issues', 'aria-labelledby': 'yaml-issues-title', 'aria-live': 'polite' });
  const show = (result, doc) => {
    const lines = doc.split('\n');
    fill(out, h('h2', { id: 'yaml-issues-title' }, 'Messages'), summary(result),
      h('ol', { class: 'issues' }, result.issues.map((issue) => {
        if (!issue.line) return issueItem(issue);
        const go = h('button', { type: 'button', class: 'link' }, `Line ${issue.line}`);
        go.addEventListener('click', () => selectLine(area, issue.line));
        return issueItem(issue, h('div', { class: 'line' }, go, h('pre', {}, lines[issue.line - 1] ?? '')));
      })));
  };
  const check = h('button', { type: 'button' }, 'Check');
  check.addEventListener('click', async () => {
    try {
      show(await session.api(`${BASE}/validate`, { method: 'POST', body: area.value, type: YAML }), area.value);
    } catch (e) {
      fill(out, banner('error', e.message));
    }
  });
  const saveButton = save ? h('button', { type: 'button', class: 'primary' }, 'Save as draft') : null;
  saveButton?.addEventListener('click', async () => {
    try {
      const saved = await save(area.value);
      location.hash = `#/templates/${saved.id}/versions/${saved.version.version}`;
    } catch (e) {
      fill(out, banner('error', e.message));
      check.click();
    }
  });
  if (issues) show({ issues, publishable: !issues.some((i) => i.severity === 'error') }, yaml);
  return h('div', {},
    save ? h('div', { class: 'field' }, h('label', { for: 'template-file' }, 'Load a YAML file'), file) : null,
    h('div', { class: 'field' }, h('label', { for: 'template-yaml' }, 'Template (YAML)'), area),
    h('div', { class: 'actions' }, check, saveButton), out);
}

function selectLine(area, line) {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  area.scrollTop = Math.max(0, (line - 3) * 1.4 * parseFloat(getComputedStyle(area).fontSize));
}

/**
 * The common edits as a form: the persona, each phase's minutes and question count, and the questions with their
 * key points, probes, hints and clarifications. It edits a copy of the parsed template and sends it as JSON.
 */
function formEditor(template, save, initialIssues) {
  const t = structuredClone(template);
  const fields = [];
  let seq = 0;
  const field = (path, label, value, { multiline = false, type = 'text', hint } = {}) => {
    const id = `f-${seq++}`;
    const control = multiline ? h('textarea', { id, rows: 3 }) : h('input', { id, type, ...(type === 'number' ? { min: 1 } : {}) });
    control.value = value ?? '';
    const messages = h('ul', { class: 'field-issues', id: `${id}-issues` });
    control.setAttribute('aria-describedby', `${id}-issues`);
    const wrap = h('div', { class: 'field', 'data-path': path }, h('label', { for: id }, label), control,
      hint ? h('p', { class: 'hint' }, hint) : null, messages);
    fields.push({ path, control, messages, wrap });
    return { wrap, control };
  };
  const lines = (s) => s.split('\n').map((l) => l.trim()).filter(Boolean);

  const persona = ['name', 'style', 'greeting'].map((k) => field(`persona.${k}`, `Interviewer ${k}`, t.persona[k],
    k === 'greeting' ? { multiline: true, hint: '{candidate} and {role} are filled in.' } : {}));
  const phases = t.phases.map((p, i) => [
    field(`phases[${i}].minutes`, `${p.phase}: minutes`, p.minutes, { type: 'number' }),
    field(`phases[${i}].questions`, `${p.phase}: main questions`, p.questions, { type: 'number' })]);
  const questionBox = h('div');
  const questionFields = [];
  const addQuestion = (q, i) => {
    const text = field(`questions[${i}].text`, 'Question', q.text, { multiline: true });
    const keyPoints = field(`questions[${i}].keyPoints`, 'Key points (one a line)', q.keyPoints.join('\n'), { multiline: true });
    const probes = field(`questions[${i}].probes`, 'Probes (a line "key point: follow-up question?")',
      Object.entries(q.probes ?? {}).flatMap(([k, asks]) => asks.map((a) => `${k}: ${a}`)).join('\n'), { multiline: true });
    const hint = field(`questions[${i}].hint`, 'Hint', q.hint);
    const clarification = field(`questions[${i}].clarification`, 'Clarification', q.clarification);
    const remove = h('button', { type: 'button' }, 'Remove this question');
    const box = h('details', { class: 'question', 'data-path': `questions[${i}]` },
      h('summary', {}, `${q.id} · ${q.phase} · ${q.kind}`),
      text.wrap, keyPoints.wrap, probes.wrap, hint.wrap, clarification.wrap, remove);
    const entry = { q, text, keyPoints, probes, hint, clarification, removed: false };
    remove.addEventListener('click', () => {
      entry.removed = true;
      box.remove();
    });
    questionFields.push(entry);
    questionBox.append(box);
  };
  t.questions.forEach(addQuestion);
  const add = h('button', { type: 'button' }, 'Add a question');
  add.addEventListener('click', () => {
    const q = { id: `q-${Date.now().toString(36)}`, phase: 'foundation', levels: ['junior', 'mid', 'senior'], difficulty: 3,
      kind: 'technical', dimensions: [t.dimensions[0].id], text: '', keyPoints: [], criteria: [], misconceptions: [],
      idealAnswer: '', hint: '', clarification: '', probes: {} };
    addQuestion(q, t.questions.length + questionFields.length);
    questionBox.lastElementChild.open = true;
  });

  const collect = () => {
    for (const k of ['name', 'style', 'greeting']) t.persona[k] = persona[['name', 'style', 'greeting'].indexOf(k)].control.value;
    phases.forEach(([minutes, count], i) => {
      t.phases[i].minutes = Number(minutes.control.value);
      t.phases[i].questions = Number(count.control.value);
    });
    t.questions = questionFields.filter((e) => !e.removed).map((e) => {
      const probes = {};
      for (const line of lines(e.probes.control.value)) {
        const cut = line.lastIndexOf(': ');
        if (cut > 0) (probes[line.slice(0, cut)] ??= []).push(line.slice(cut + 2));
      }
      return { ...e.q, text: e.text.control.value, keyPoints: lines(e.keyPoints.control.value), probes,
        hint: e.hint.control.value || null, clarification: e.clarification.control.value || null };
    });
    return t;
  };

  const general = h('section', { 'aria-live': 'polite', 'aria-label': 'Messages' });
  const showIssues = (result) => {
    for (const f of fields) fill(f.messages);
    const unplaced = [];
    for (const issue of result.issues) {
      // the field itself, or the nearest enclosing one the form shows
      const target = fields.find((f) => f.path === issue.path && document.body.contains(f.wrap))
        ?? fields.find((f) => issue.path.startsWith(`${f.path}`) && document.body.contains(f.wrap));
      if (target) {
        target.messages.append(issueItem(issue));
        target.wrap.closest('details')?.setAttribute('open', '');
      } else {
        unplaced.push(issue);
      }
    }
    fill(general, summary(result), unplaced.length ? h('ul', { class: 'issues' }, unplaced.map((i) => issueItem(i))) : null);
  };
  const check = h('button', { type: 'button' }, 'Check');
  check.addEventListener('click', async () => {
    try {
      showIssues(await session.api(`${BASE}/validate`, { method: 'POST', body: collect() }));
    } catch (e) {
      fill(general, banner('error', e.message));
    }
  });
  const saveButton = save ? h('button', { type: 'button', class: 'primary' }, 'Save as draft') : null;
  saveButton?.addEventListener('click', async () => {
    try {
      const saved = await save(collect());
      location.hash = `#/templates/${saved.id}/versions/${saved.version.version}`;
    } catch (e) {
      fill(general, banner('error', e.message));
    }
  });
  const form = h('div', { class: 'template-form' },
    general,
    h('fieldset', {}, h('legend', {}, 'Interviewer'), persona.map((f) => f.wrap)),
    h('fieldset', {}, h('legend', {}, 'Phases'), h('div', { class: 'phase-grid' }, phases.flat().map((f) => f.wrap))),
    h('fieldset', {}, h('legend', {}, 'Questions'), questionBox, add),
    h('div', { class: 'actions' }, check, saveButton));
  if (initialIssues) queueMicrotask(() => showIssues({ issues: initialIssues, publishable: !initialIssues.some((i) => i.severity === 'error') }));
  return form;
}
