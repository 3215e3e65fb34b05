// 电话受理: a dispatcher taking a call types the caller's address; intake proposes grids for it
// (GET /api/whistles/places), the dispatcher confirms one and raises the HOTLINE whistle with that grid and no
// coordinates (POST /api/whistles, location.gridId), so the call lands at the grid's street.
import { reactive } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { field, h, model, show } from './dom.js';
import { t } from './i18n.js';

/**
 * The 电话受理 card. categories: a ref of Open311 services (小类); categoryName: code → name; onRaised: called with
 * the raise answer, to refresh the queue.
 */
export function hotlineDesk(categories, categoryName, onRaised) {
  const form = reactive({ address: '', gridId: '', category: '', description: '', phone: '', urgency: 'NORMAL' });
  const state = reactive({ proposals: null, busy: false, error: '', raised: null });

  async function propose() {
    state.error = '';
    state.raised = null;
    form.gridId = '';
    if (!form.address.trim()) {
      state.error = t('hotline.needAddress');
      return;
    }
    state.busy = true;
    try {
      const answer = await api(`/api/whistles/places?address=${encodeURIComponent(form.address.trim())}`);
      state.proposals = answer.proposals;
      if (state.proposals.length) form.gridId = state.proposals[0].gridId;
    } catch (e) {
      state.error = e.violations?.length ? e.violations.join('；') : e.message;
    } finally {
      state.busy = false;
    }
  }

  async function raise() {
    state.error = '';
    state.busy = true;
    try {
      state.raised = await api('/api/whistles', {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: {
          channel: 'HOTLINE', category: form.category, description: form.description.trim(), urgency: form.urgency,
          location: { address: form.address.trim(), gridId: form.gridId }, reporter: { phone: form.phone.trim() },
        },
      });
      state.proposals = null;
      Object.assign(form, { address: '', gridId: '', description: '', phone: '' });
      onRaised(state.raised);
    } catch (e) {
      state.error = e.violations?.length ? e.violations.join('；') : e.message;
    } finally {
      state.busy = false;
    }
  }

  const proposalList = () => h('fieldset', { 'data-test': 'hotline-proposals' }, [
    h('legend', t('hotline.proposals')),
    state.proposals.length
      ? state.proposals.map((p) => h('label', { key: p.gridId }, [
        model('input', { type: 'radio', name: 'hotline-grid', value: p.gridId }, form, 'gridId', 'radio'),
        ' ', h('strong', p.place), ' ', h('span', { class: 'muted' }, p.why),
      ]))
      : h('p', { class: 'warn' }, t('hotline.noProposal')),
  ]);

  return () => h('section', { class: 'card span-3', 'aria-labelledby': 'hotline-title', 'data-test': 'hotline' }, [
    h('h2', { id: 'hotline-title' }, t('hotline.title')),
    h('form', { onSubmit: (e) => { e.preventDefault(); propose(); } }, [
      ...field('hotline-address', t('hotline.address'),
        model('input', { id: 'hotline-address', maxlength: 500, required: true }, form, 'address'), t('hotline.addressHint')),
      h('button', { type: 'submit', disabled: state.busy }, t('hotline.propose')),
    ]),
    show(state.proposals, proposalList),
    show(state.proposals && state.proposals.length, () => h('form', { onSubmit: (e) => { e.preventDefault(); raise(); } }, [
      ...field('hotline-category', t('hotline.category'), model('select', { id: 'hotline-category', required: true },
        form, 'category', 'select', [h('option', { value: '' }, '—'),
          ...categories.value.map((c) => h('option', { value: c.service_code }, categoryName(c.service_code)))])),
      ...field('hotline-description', t('hotline.description'),
        model('textarea', { id: 'hotline-description', maxlength: 2000, required: true }, form, 'description')),
      ...field('hotline-phone', t('hotline.phone'),
        model('input', { id: 'hotline-phone', type: 'tel', required: true }, form, 'phone')),
      ...field('hotline-urgency', t('hotline.urgency'), model('select', { id: 'hotline-urgency' }, form, 'urgency', 'select',
        [h('option', { value: 'NORMAL' }, t('hotline.normal')), h('option', { value: 'URGENT' }, t('hotline.urgent'))])),
      h('button', { type: 'submit', disabled: state.busy || !form.gridId }, t('hotline.raise')),
    ])),
    h('div', { 'aria-live': 'polite' }, [
      show(state.error, () => h('p', { class: 'error', role: 'alert' }, state.error)),
      show(state.raised, () => h('p', { class: 'ok', 'data-test': 'hotline-raised' },
        t('hotline.raised', { grid: state.raised.grid?.name || '', street: state.raised.street?.name || '' }))),
    ]),
  ]);
}
