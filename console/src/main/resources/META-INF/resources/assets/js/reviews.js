// 年度评议 (党员进小区, MEMBERS.md §5): a compound's branch grades its confirmed in-service members at year end; a
// workplace organisation's contact (or that branch) prints its members' grades and figures, or downloads them as
// XLSX, as the organisation's appraisal input. Addresses never show; phones come masked. The service decides again.
import { reactive, ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const GRADES = ['EXCELLENT', 'COMPETENT', 'BASIC', 'INCOMPETENT'];

startPage('reviews', ({ user }) => {
  const params = new URLSearchParams(location.search);
  const isBranch = hasAny(user, PAGE_ROLES.reviews);
  const state = reactive({
    year: Number(params.get('year')) || new Date().getFullYear(),
    compoundId: params.get('compoundId') || '',
    workplace: params.get('workplace') || '',
  });
  const rows = ref([]);
  const drafts = reactive({});
  const table = ref(null);
  const message = ref('');
  const error = ref('');
  const busy = ref(false);

  async function loadCompound() {
    error.value = '';
    try {
      rows.value = await api(`/api/members/reviews?compoundId=${encodeURIComponent(state.compoundId)}&year=${state.year}`);
      rows.value.forEach((r) => { drafts[r.memberId] = { grade: r.grade || 'COMPETENT', comment: r.comment || '' }; });
    } catch (e) {
      error.value = e.message;
    }
  }

  async function loadWorkplace() {
    error.value = '';
    try {
      table.value = await api(`/api/members/workplaces/${encodeURIComponent(state.workplace)}/reviews?year=${state.year}`);
    } catch (e) {
      error.value = e.message;
      table.value = null;
    }
  }

  async function grade(row) {
    busy.value = true;
    message.value = '';
    try {
      const draft = drafts[row.memberId];
      await api('/api/members/reviews', { method: 'POST',
        body: { memberId: row.memberId, year: state.year, grade: draft.grade, comment: draft.comment || null } });
      message.value = t('rv.saved', { name: row.name });
      await loadCompound();
    } catch (e) {
      message.value = [e.message, ...(e.violations || [])].join('；');
    } finally {
      busy.value = false;
    }
  }

  const figures = (r) => [h('td', r.name), h('td', r.phone), h('td', r.compoundName), h('td', r.gridName || '—'),
    h('td', String(r.score)), h('td', String(r.tasksDone)), h('td', String(r.hours))];
  const heads = () => ['rv.name', 'rv.phone', 'rv.compound', 'rv.grid', 'rv.score', 'rv.tasks', 'rv.hours']
    .map((k) => h('th', { scope: 'col' }, t(k)));

  function branchSection() {
    return h('section', { class: 'card no-print', 'aria-labelledby': 'rv-branch' }, [
      h('h2', { id: 'rv-branch' }, t('rv.branchTitle')),
      h('form', { class: 'filters', onSubmit: (e) => { e.preventDefault(); loadCompound(); } }, [
        h('label', [t('rv.compoundId'), model('input', { type: 'text', 'data-test': 'rv-compound', maxlength: 64 }, state,
          'compoundId', 'trim')]),
        h('label', [t('rv.year'), model('input', { type: 'number', min: 2000, max: 2100 }, state, 'year', 'number')]),
        h('button', { type: 'submit', 'data-test': 'rv-load-compound' }, t('refresh')),
      ]),
      rows.value.length
        ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'rv-compound-table' }, [
          h('thead', h('tr', [...heads(), h('th', { scope: 'col' }, t('rv.grade')),
            h('th', { scope: 'col' }, t('rv.comment')), h('th', { scope: 'col' }, t('rt.actions'))])),
          h('tbody', rows.value.map((r) => h('tr', { key: r.memberId }, [...figures(r),
            h('td', model('select', { 'aria-label': t('rv.grade') + ' ' + r.name }, drafts[r.memberId], 'grade',
              'select', GRADES.map((g) => h('option', { value: g }, t('rv.grade.' + g))))),
            h('td', model('input', { type: 'text', 'aria-label': t('rv.comment') + ' ' + r.name, maxlength: 2000 },
              drafts[r.memberId], 'comment')),
            h('td', h('button', { type: 'button', class: 'small', disabled: busy.value, 'data-test': 'rv-grade',
              onClick: () => grade(r) }, r.gradeLabel ? t('rv.regrade') : t('rv.doGrade'))),
          ]))),
        ]))
        : h('p', { class: 'hint' }, t('rv.noneToGrade')),
    ]);
  }

  function workplaceSection() {
    const data = table.value;
    const file = `/api/members/workplaces/${encodeURIComponent(state.workplace)}/reviews/export?year=${state.year}`;
    return h('section', { class: 'card', 'aria-labelledby': 'rv-workplace' }, [
      h('h2', { id: 'rv-workplace', class: 'no-print' }, t('rv.workplaceTitle')),
      h('form', { class: 'filters no-print', onSubmit: (e) => { e.preventDefault(); loadWorkplace(); } }, [
        h('label', [t('rv.workplaceId'), model('input', { type: 'text', 'data-test': 'rv-workplace', maxlength: 64 }, state,
          'workplace', 'trim')]),
        h('label', [t('rv.year'), model('input', { type: 'number', min: 2000, max: 2100 }, state, 'year', 'number')]),
        h('button', { type: 'submit', 'data-test': 'rv-load-workplace' }, t('refresh')),
      ]),
      show(data, () => [
        h('div', { class: 'no-print' }, [
          h('button', { type: 'button', onClick: () => window.print() }, t('eval.print')), ' ',
          h('a', { class: 'button small', href: file, download: '', 'data-test': 'rv-xlsx' }, 'XLSX'),
        ]),
        h('h3', { 'data-test': 'rv-title' }, t('rv.printTitle', { org: data.workplaceName, year: data.year })),
        data.rows.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'rv-workplace-table' }, [
            h('thead', h('tr', [...heads(), h('th', { scope: 'col' }, t('rv.grade')),
              h('th', { scope: 'col' }, t('rv.comment')), h('th', { scope: 'col' }, t('rv.reviewer'))])),
            h('tbody', data.rows.map((r) => h('tr', { key: r.memberId }, [...figures(r),
              h('td', r.gradeLabel || t('rv.notGraded')), h('td', r.comment || '—'),
              h('td', r.reviewer ? `${r.reviewer}（${time(r.reviewedAt)}）` : '—')]))),
          ]))
          : h('p', { class: 'hint' }, t('rv.noMembers')),
      ]),
    ]);
  }

  // loaded when asked (or named in the link): a branch's scope may be a community, not one compound
  if (isBranch && state.compoundId) loadCompound();
  if (state.workplace) loadWorkplace();

  return () => (user
    ? [
      h('span', { hidden: true, 'data-test': 'reviews-ready' }),
      show(error.value, () => h('p', { class: 'error', role: 'alert' }, error.value)),
      show(message.value, () => h('p', { class: 'hint', role: 'status' }, message.value)),
      isBranch ? branchSection() : null,
      workplaceSection(),
    ]
    : [refusal(user)]);
}, { wide: true });
