// Open311 API keys (administrators): issue one per client system, see each key's last use, revoke it. The key is
// shown once, right after it is issued; intake keeps only its hash (ADR 0027).
import { reactive } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { field, h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

startPage('keys', ({ user }) => {
  if (!hasAny(user, PAGE_ROLES.keys)) return () => [refusal(user)];
  const form = reactive({ client: '' });
  const state = reactive({ keys: [], issued: null, busy: false, error: '', loaded: false });

  const failed = (e) => { state.error = e.violations?.length ? e.violations.join('；') : e.message; };

  async function load() {
    try {
      state.keys = await api('/api/open311/keys');
    } catch (e) {
      failed(e);
    } finally {
      state.loaded = true;
    }
  }

  async function issue() {
    state.error = '';
    state.busy = true;
    try {
      state.issued = await api('/api/open311/keys', { method: 'POST', body: { client: form.client.trim() } });
      form.client = '';
      await load();
    } catch (e) {
      failed(e);
    } finally {
      state.busy = false;
    }
  }

  async function revoke(key) {
    if (!window.confirm(t('keys.confirmRevoke', { client: key.client }))) return;
    state.error = '';
    try {
      await api(`/api/open311/keys/${key.id}/revoke`, { method: 'POST', body: {} });
      if (state.issued?.id === key.id) state.issued = null;
      await load();
    } catch (e) {
      failed(e);
    }
  }

  load();

  const row = (key) => h('tr', { key: key.id, 'data-test': 'key-row' }, [
    h('td', key.client),
    h('td', h('code', key.prefix + '…')),
    h('td', [time(key.createdAt), ' ', h('span', { class: 'muted' }, key.createdBy)]),
    h('td', key.lastUsedAt ? time(key.lastUsedAt) : t('keys.neverUsed')),
    h('td', key.revokedAt
      ? [t('keys.revokedAt', { at: time(key.revokedAt) }), ' ', h('span', { class: 'muted' }, key.revokedBy)]
      : h('button', { type: 'button', class: 'small', 'data-test': 'revoke', onClick: () => revoke(key) }, t('keys.revoke'))),
  ]);

  return () => [
    h('section', { class: 'card', 'aria-labelledby': 'keys-issue' }, [
      h('h2', { id: 'keys-issue' }, t('keys.issueTitle')),
      h('p', { class: 'hint' }, t('keys.hint')),
      h('form', { onSubmit: (e) => { e.preventDefault(); issue(); } }, [
        ...field('keys-client', t('keys.client'),
          model('input', { id: 'keys-client', maxlength: 100, required: true }, form, 'client'), t('keys.clientHint')),
        h('button', { type: 'submit', disabled: state.busy, 'data-test': 'issue' }, t('keys.issue')),
      ]),
      show(state.issued, () => h('div', { class: 'card', role: 'status', 'data-test': 'issued' }, [
        h('p', t('keys.issued', { client: state.issued.client })),
        h('p', h('code', { 'data-test': 'issued-key' }, state.issued.key)),
        h('p', { class: 'warn' }, t('keys.shownOnce')),
      ])),
      show(state.error, () => h('p', { class: 'error', role: 'alert' }, state.error)),
    ]),
    h('section', { class: 'card', 'aria-labelledby': 'keys-list', 'data-test': state.loaded ? 'keys-loaded' : 'keys-loading' }, [
      h('h2', { id: 'keys-list' }, t('keys.listTitle')),
      state.keys.length
        ? h('table', [
          h('thead', h('tr', [t('keys.client'), t('keys.prefix'), t('keys.created'), t('keys.lastUsed'), t('keys.state')]
            .map((title) => h('th', { scope: 'col' }, title)))),
          h('tbody', state.keys.map(row)),
        ])
        : h('p', { class: 'muted' }, t('keys.none')),
    ]),
  ];
});
