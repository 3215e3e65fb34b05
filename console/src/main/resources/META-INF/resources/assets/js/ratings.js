// 双考核: the ratings a command centre has to give, the appeals its level decides, a unit's ratings with their appeal,
// and the community secretaries' appraisal reports (ADR 0025). The services decide again on every call.
import { onMounted, reactive, ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { field, h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const CENTRES = ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER'];
const DECIDERS = ['DISTRICT_DISPATCHER', 'CITY_DISPATCHER'];
const UNITS = ['DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER', 'PROPERTY_STAFF', 'COMMUNITY_STAFF'];
const SECRETARY_READERS = [...CENTRES, 'LEADER', 'ADMINISTRATOR', 'COMMUNITY_STAFF'];

startPage('ratings', ({ user }) => {
  const allowed = hasAny(user, PAGE_ROLES.ratings);
  const toGive = ref([]);
  const appeals = ref([]);
  const mine = ref([]);
  const secretaries = ref([]);
  const open = ref(null);
  const draft = reactive({ reportedInOnTime: true, cameOnSite: true, stayedUntilDone: true, quality: 'GOOD',
    score: 90, comment: '', reason: '', decidedScore: '' });
  const message = ref('');
  const error = ref('');
  const busy = ref(false);
  const loaded = ref(false);
  const year = new Date().getFullYear();

  async function load() {
    if (!allowed) return;
    error.value = '';
    try {
      if (hasAny(user, CENTRES) && user.unit) toGive.value = await api('/api/evaluation/ratings/to-give');
      if (hasAny(user, DECIDERS)) appeals.value = await api('/api/evaluation/ratings/appeals');
      if (hasAny(user, UNITS) && user.unit) mine.value = await api('/api/evaluation/ratings');
      if (hasAny(user, SECRETARY_READERS)) secretaries.value = await api('/api/evaluation/secretaries');
    } catch (e) {
      error.value = e.message;
    } finally {
      loaded.value = true;
    }
  }

  function start(rating, kind) {
    open.value = { rating, kind };
    message.value = '';
    Object.assign(draft, { reportedInOnTime: rating.suggested?.reportedInOnTime ?? true,
      cameOnSite: rating.suggested?.cameOnSite ?? true, stayedUntilDone: true, quality: 'GOOD', score: 90,
      comment: '', reason: '', decidedScore: '' });
  }

  async function submit() {
    const { rating, kind } = open.value;
    const path = `/api/evaluation/ratings/${rating.id}/${kind}`;
    const body = kind === 'rating'
      ? { reportedInOnTime: draft.reportedInOnTime, cameOnSite: draft.cameOnSite,
        stayedUntilDone: draft.stayedUntilDone, quality: draft.quality, score: Number(draft.score),
        comment: draft.comment || null }
      : kind === 'appeal'
        ? { reason: draft.reason }
        : { reason: draft.reason, score: draft.decidedScore === '' ? null : Number(draft.decidedScore) };
    busy.value = true;
    try {
      await api(path, { method: 'POST', body });
      message.value = t('rt.saved');
      open.value = null;
      await load();
    } catch (e) {
      message.value = [e.message, ...(e.violations || [])].join('；');
    } finally {
      busy.value = false;
    }
  }

  onMounted(load);

  const yesNo = (v) => (v == null ? '—' : v ? t('rt.yes') : t('rt.no'));

  function table(rows, columns, actions) {
    if (!rows.length) return h('p', { class: 'hint' }, t('rt.empty'));
    return h('table', { class: 'grid' }, [
      h('thead', h('tr', [...columns.map((c) => h('th', t(c[0]))), actions ? h('th', t('rt.actions')) : null])),
      h('tbody', rows.map((r) => h('tr', { key: r.id }, [
        ...columns.map((c) => h('td', c[1](r))),
        actions ? h('td', actions(r)) : null,
      ]))),
    ]);
  }

  const PART = [
    ['ticketNumber', (r) => r.ticketNumber || '—'],
    ['rt.unit', (r) => r.unitName],
    ['rt.centre', (r) => r.centreName],
    ['rt.partEnded', (r) => `${r.partEndedLabel} · ${time(r.partEndedAt)}`],
    ['status', (r) => r.statusLabel],
  ];
  const RESULT = [
    ['rt.reportedInOnTime', (r) => yesNo(r.reportedInOnTime)],
    ['rt.cameOnSite', (r) => yesNo(r.cameOnSite)],
    ['rt.stayedUntilDone', (r) => yesNo(r.stayedUntilDone)],
    ['rt.quality', (r) => r.qualityLabel || '—'],
    ['rt.score', (r) => (r.standingScore ?? '—')],
  ];

  function form() {
    const { rating, kind } = open.value;
    return h('form', { class: 'panel', 'data-test': 'rating-form', onSubmit: (e) => { e.preventDefault(); submit(); } }, [
      h('h3', `${t('rt.' + kind)} · ${rating.ticketNumber || ''} · ${rating.unitName}`),
      ...(kind === 'rating'
        ? [
          h('label', [model('input', { type: 'checkbox' }, draft, 'reportedInOnTime', 'checkbox'), t('rt.reportedInOnTime')]),
          h('label', [model('input', { type: 'checkbox' }, draft, 'cameOnSite', 'checkbox'), t('rt.cameOnSite')]),
          h('label', [model('input', { type: 'checkbox' }, draft, 'stayedUntilDone', 'checkbox'), t('rt.stayedUntilDone')]),
          ...field('rt-quality', t('rt.quality'), model('select', { id: 'rt-quality' }, draft, 'quality', 'select',
            ['GOOD', 'FAIR', 'POOR'].map((q) => h('option', { value: q }, t('rt.quality.' + q))))),
          ...field('rt-score', t('rt.score'), model('input', { id: 'rt-score', type: 'number', min: 0, max: 100 },
            draft, 'score', 'number')),
          ...field('rt-comment', t('comment'), model('textarea', { id: 'rt-comment', maxlength: 500 }, draft, 'comment')),
        ]
        : [
          show(kind === 'decision', () => [
            h('p', `${t('rt.appealReason')}：${rating.appealReason || ''}`),
            ...field('rt-decided', t('rt.decidedScore'), model('input',
              { id: 'rt-decided', type: 'number', min: 0, max: 100 }, draft, 'decidedScore')),
          ]),
          ...field('rt-reason', t('reason'), model('textarea', { id: 'rt-reason', maxlength: 1000, required: true },
            draft, 'reason')),
        ]),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', disabled: busy.value }, t('save')),
        h('button', { type: 'button', class: 'link', onClick: () => { open.value = null; } }, t('cancel')),
      ]),
    ]);
  }

  return () => {
    if (!allowed) return [refusal(user)];
    return [
      show(error.value, () => h('p', { class: 'error' }, error.value)),
      loaded.value ? h('span', { 'data-test': 'ratings-ready', hidden: true }) : h('p', { class: 'hint' }, t('loading')),
      show(message.value, () => h('p', { class: 'warn', 'data-test': 'message' }, message.value)),
      show(open.value, form),
      show(hasAny(user, CENTRES) && user.unit, () => h('section', { 'data-test': 'to-give' }, [
        h('h2', t('rt.toGive')),
        table(toGive.value, PART, (r) => h('button', { type: 'button', class: 'small', onClick: () => start(r, 'rating') },
          t('rt.rating'))),
      ])),
      show(hasAny(user, DECIDERS), () => h('section', { 'data-test': 'appeals' }, [
        h('h2', t('rt.appeals')),
        table(appeals.value, [...PART, ...RESULT, ['rt.appealReason', (r) => r.appealReason || '—']],
          (r) => h('button', { type: 'button', class: 'small', onClick: () => start(r, 'decision') }, t('rt.decision'))),
      ])),
      show(hasAny(user, UNITS) && user.unit, () => h('section', { 'data-test': 'mine' }, [
        h('h2', t('rt.mine')),
        table(mine.value, [...PART, ...RESULT, ['comment', (r) => r.comment || '—'],
          ['rt.decisionLabel', (r) => r.decisionLabel || '—']],
        (r) => (r.status === 'RATED'
          ? h('button', { type: 'button', class: 'small', onClick: () => start(r, 'appeal') }, t('rt.appeal'))
          : null)),
      ])),
      show(hasAny(user, SECRETARY_READERS), () => h('section', { 'data-test': 'secretaries' }, [
        h('h2', t('rt.secretaries')),
        table(secretaries.value, [
          ['rt.community', (s) => s.communityName],
          ['rt.secretary', (s) => s.name],
          ['rt.stars', (s) => s.starsLabel],
        ], (s) => h('span', [`${year}`, ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${year}-${q}`)].map((period) => h('a', {
          key: period, class: 'small', target: '_blank', rel: 'noopener',
          href: `/api/evaluation/secretaries/${s.id}/report?period=${period}` },
        ` ${period.includes('Q') ? period.slice(5) : t('rt.annual')} `)))),
      ])),
    ];
  };
}, { wide: true });
