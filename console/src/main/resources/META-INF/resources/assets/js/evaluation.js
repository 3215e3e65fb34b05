// 考核评价: a level's ranking with 红黑榜, 环比 and 同比, the area's rates (三率, 按期处置率 …) over the last six
// periods, drill-down to the cases of a count, CSV/XLSX exports and a printable monthly report. The figures, their
// labels and times come from evaluation-service in Chinese; the page adds only its own words.
import { reactive, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { h, model, show } from './dom.js';
import { nameOf, t } from './i18n.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'DEPARTMENT', 'UTILITY', 'PROPERTY_COMPANY'];
const BY = ['COMPOSITE', 'ON_TIME_HANDLING', 'HANDLING', 'CLOSURE', 'ON_TIME_CLOSURE', 'RESPONSE', 'RESOLUTION',
  'SATISFACTION', 'REPORT_IN', 'REWORK', 'OVERDUE_PENDING', 'EXTENSION'];
const TREND = ['ON_TIME_HANDLING', 'RESPONSE', 'RESOLUTION', 'SATISFACTION'];

/** The month before this one in Shanghai, as 2026-03. */
function lastMonth() {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  now.setDate(1);
  now.setMonth(now.getMonth() - 1);
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function monthsBefore(month, n) {
  const [y, m] = month.split('-').map(Number);
  const out = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(y, m - 1 - i, 1);
    out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

function query(params) {
  return Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

startPage('evaluation', ({ user }) => {
  const allowed = hasAny(user, PAGE_ROLES.evaluation);
  const state = reactive({
    period: lastMonth(), level: 'STREET', within: user?.orgScope?.[0] || '', by: 'COMPOSITE', top: 5,
    ranking: null, figure: null, trend: [], drill: null, error: null, loading: false,
    disclosure: null, disclosureReason: '', disclosureError: null,
  });
  const administrator = hasAny(user, ['ADMINISTRATOR']);

  async function loadDisclosure() {
    if (!allowed) return;
    try {
      state.disclosure = await api('/api/evaluation/disclosure');
    } catch (e) {
      state.disclosureError = e.message;
    }
  }

  /** 考核结果公开: administrators turn it on or off, always with a reason (kept with their name). */
  async function changeDisclosure() {
    state.disclosureError = null;
    try {
      state.disclosure = await api('/api/evaluation/disclosure', { method: 'PUT', body: {
        enabled: !state.disclosure.enabled, version: state.disclosure.version, reason: state.disclosureReason } });
      state.disclosureReason = '';
    } catch (e) {
      state.disclosureError = e.message;
    }
  }

  // The areas the caller may rank within, by name (never the area code): "…" while looked up.
  const areaNames = reactive({});
  for (const code of user?.orgScope || []) {
    api(`/api/org/nodes/${encodeURIComponent(code)}`)
      .then((node) => { areaNames[code] = nameOf(node) || t('someArea'); })
      .catch(() => { areaNames[code] = t('someArea'); });
  }

  async function load() {
    if (!allowed || !state.within) return;
    state.loading = true;
    state.error = null;
    try {
      const [ranking, figure] = await Promise.all([
        api('/api/evaluation/rankings?' + query({ level: state.level, within: state.within, period: state.period,
          by: state.by, top: state.top })),
        api('/api/evaluation/figures?' + query({ object: state.within, period: state.period })),
      ]);
      state.ranking = ranking;
      state.figure = figure;
      state.drill = null;
      state.trend = await Promise.all(monthsBefore(state.period, 6).map((p) =>
        api('/api/evaluation/figures?' + query({ object: state.within, period: p })).catch(() => null)));
    } catch (e) {
      state.error = e.message;
    } finally {
      state.loading = false;
    }
  }

  async function drill(measure) {
    try {
      state.drill = await api('/api/evaluation/figures/cases?' + query({ object: state.within, period: state.period,
        measure, limit: 200 }));
    } catch (e) {
      state.error = e.message;
    }
  }

  watch(() => [state.period, state.level, state.within, state.by], load, { immediate: true });
  loadDisclosure();

  const exportLink = (path, params, format) => h('a', { class: 'button small', href: `${path}?${query({ ...params,
    format })}`, download: '' }, format.toUpperCase());

  function controls() {
    return h('form', { class: 'filters no-print', onSubmit: (e) => { e.preventDefault(); load(); } }, [
      h('label', [t('eval.period'), model('input', { type: 'month', 'data-test': 'eval-period' }, state, 'period')]),
      h('label', [t('eval.level'), model('select', { 'data-test': 'eval-level' }, state, 'level', 'select',
        LEVELS.map((l) => h('option', { key: l, value: l }, t('eval.level.' + l))))]),
      h('label', [t('eval.within'), model('select', {}, state, 'within', 'select',
        (user?.orgScope || []).map((code) => h('option', { key: code, value: code }, areaNames[code] || '…')))]),
      h('label', [t('eval.by'), model('select', { 'data-test': 'eval-by' }, state, 'by', 'select',
        BY.map((b) => h('option', { key: b, value: b }, t('eval.by.' + b))))]),
      h('button', { type: 'submit' }, t('refresh')),
      h('button', { type: 'button', onClick: () => window.print() }, t('eval.print')),
    ]);
  }

  function rankingTable(r) {
    const params = { level: state.level, within: state.within, period: state.period, by: state.by };
    return h('section', { class: 'card' }, [
      h('h2', `${r.within.name} · ${r.levelLabel}${t('eval.ranking')} · ${r.period.label} · ${r.byLabel}`),
      h('p', { class: 'hint' }, `${r.ruleSet.label}`),
      h('div', { class: 'no-print' }, [exportLink('/api/evaluation/rankings/export', params, 'csv'), ' ',
        exportLink('/api/evaluation/rankings/export', params, 'xlsx')]),
      h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'eval-ranking' }, [
        h('thead', h('tr', [t('eval.rank'), t('eval.name'), r.byLabel, t('eval.movement'), t('eval.pop'),
          t('eval.yoy'), t('eval.composite'), '按期处置率', '结案率', '满意率', '报到率'].map((c) => h('th', c)))),
        h('tbody', r.rows.map((row) => h('tr', { key: row.id }, [
          row.rank ?? t('eval.unranked'), row.name, row.valueText, row.movement, row.periodOnPeriod, row.yearOnYear,
          row.composite, row.onTimeHandling, row.closure, row.satisfaction, row.reportIn,
        ].map((c) => h('td', String(c)))))),
      ])),
      h('div', { class: 'eval-lists' }, [
        list(t('eval.red', { n: r.red.length }), r.red, 'eval-red'),
        list(t('eval.black', { n: r.black.length }), r.black, 'eval-black'),
      ]),
    ]);
  }

  function list(title, rows, cls) {
    return h('div', { class: cls }, [h('h3', title), h('ol', rows.map((row) => h('li', { key: row.id },
      `${row.name}　${row.valueText}`)))]);
  }

  function figureCard(f) {
    const params = { object: state.within, period: state.period };
    return h('section', { class: 'card' }, [
      h('h2', `${f.object.name} · ${f.period.label} · ${f.status}`),
      h('p', { class: 'hint' }, `${t('eval.asOf')} ${f.asOf} · ${f.ruleSet.label}` +
        (f.pendingAdjustments ? ` · ${t('eval.pending', { n: f.pendingAdjustments })}` : '')),
      h('div', { class: 'no-print' }, [exportLink('/api/evaluation/figures/export', params, 'csv'), ' ',
        exportLink('/api/evaluation/figures/export', params, 'xlsx')]),
      h('p', { class: 'eval-score' }, [t('eval.composite'), ' ', h('strong', f.figures.compositeText)]),
      h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'eval-rates' }, [
        h('thead', h('tr', [t('eval.rate'), t('eval.value'), t('eval.numerator'), t('eval.denominator')]
          .map((c) => h('th', c)))),
        h('tbody', f.figures.rates.map((r) => h('tr', { key: r.rate }, [
          h('td', r.label), h('td', r.text),
          h('td', h('button', { type: 'button', class: 'link', onClick: () => drill(numeratorOf(f, r)) },
            String(r.numerator))),
          h('td', String(r.denominator))]))),
      ])),
      h('div', { class: 'table-wrap' }, h('table', [
        h('thead', h('tr', [t('eval.duration'), t('eval.mean'), t('eval.p90')].map((c) => h('th', c)))),
        h('tbody', f.figures.durations.map((d) => h('tr', { key: d.name }, [d.name, d.mean || '—', d.p90 || '—']
          .map((c) => h('td', c))))),
      ])),
    ]);
  }

  /** The count a rate's numerator is, for its drill-down. */
  function numeratorOf(f, rate) {
    const map = { ON_TIME_FILING: 'FILED_ON_TIME', CORRECT_DISPATCH: 'DISPATCHED_CORRECTLY', HANDLING: 'HANDLED',
      ON_TIME_HANDLING: 'HANDLED_ON_TIME', OVERDUE_PENDING: 'OVERDUE_OPEN', REWORK: 'REWORKED', EXTENSION: 'EXTENDED',
      CLOSURE: 'CLOSED', ON_TIME_CLOSURE: 'CLOSED_ON_TIME', REPORT_IN: 'UNITS_REPORTED_IN_ON_TIME',
      RESPONSE: 'RESPONDED_ON_TIME', RESOLUTION: 'ANSWERED_RESOLVED', SATISFACTION: 'SATISFIED' };
    return map[rate.rate];
  }

  /** Bars of four rates over the last six periods: plain SVG, no chart library in this build. */
  function trendChart() {
    const periods = state.trend.filter(Boolean);
    if (!periods.length) return null;
    const w = 640; const barH = 14; const rowH = TREND.length * barH + 18;
    const height = periods.length * rowH + 10;
    const colours = ['#c0392b', '#2e86c1', '#239b56', '#b7950b'];
    return h('section', { class: 'card' }, [
      h('h2', t('eval.trend')),
      h('p', { class: 'hint' }, TREND.map((r, i) => h('span', { key: r, style: `color:${colours[i]}` },
        `■ ${t('eval.by.' + r)}　`))),
      h('svg', { viewBox: `0 0 ${w} ${height}`, width: '100%', role: 'img', 'aria-label': t('eval.trend') },
        periods.flatMap((f, i) => [
          h('text', { x: 0, y: i * rowH + 12, 'font-size': 12 }, f.period.label),
          ...TREND.map((rate, j) => {
            const r = f.figures.rates.find((x) => x.rate === rate);
            const value = r && r.value != null ? r.value : 0;
            const y = i * rowH + 16 + j * barH;
            return [
              h('rect', { x: 110, y, width: Math.max(1, value * 440), height: barH - 3, fill: colours[j] }),
              h('text', { x: 116 + value * 440, y: y + barH - 5, 'font-size': 10 }, r ? r.text : '—'),
            ];
          }).flat(),
        ])),
    ]);
  }

  function drillTable(d) {
    const params = { object: state.within, period: state.period, measure: d.measure };
    return h('section', { class: 'card', 'data-test': 'eval-drill' }, [
      h('h2', `${d.label}（${d.cases.length}）`),
      h('div', { class: 'no-print' }, [exportLink('/api/evaluation/figures/cases/export', params, 'csv'), ' ',
        exportLink('/api/evaluation/figures/cases/export', params, 'xlsx')]),
      h('div', { class: 'table-wrap' }, h('table', [
        h('thead', h('tr', [t('ticketNumber'), t('status'), t('eval.place'), t('eval.lead'), t('eval.due'),
          t('eval.done'), t('eval.onTime'), t('eval.clock'), t('eval.answer'), t('eval.exempt')].map((c) => h('th', c)))),
        h('tbody', d.cases.map((c) => h('tr', { key: c.whistleId + c.unit }, [c.ticketNumber, c.state, c.area,
          c.unit || c.leadUnit, c.dueAt, c.doneAt, c.onTime, c.decidingClock, c.answer, c.exemptReason]
          .map((x) => h('td', x || ''))))),
      ])),
    ]);
  }

  function disclosureCard(d) {
    return h('section', { class: 'card no-print', 'data-test': 'eval-disclosure' }, [
      h('h2', t('eval.disclosure')),
      h('p', [h('strong', d.enabledLabel)]),
      d.enabled ? h('p', { class: 'hint' }, t('eval.disclosure.path', { path: d.publicPath })) : null,
      administrator ? h('form', { class: 'filters', onSubmit: (e) => { e.preventDefault(); changeDisclosure(); } }, [
        h('label', [t('eval.disclosure.reason'), model('input', { maxlength: 2000, required: true,
          'data-test': 'eval-disclosure-reason' }, state, 'disclosureReason')]),
        h('button', { type: 'submit', 'data-test': 'eval-disclosure-change' },
          t(d.enabled ? 'eval.disclosure.off' : 'eval.disclosure.on')),
      ]) : null,
      show(state.disclosureError, () => h('p', { class: 'error', role: 'alert' }, state.disclosureError)),
      d.history.length ? h('div', { class: 'table-wrap' }, h('table', [
        h('thead', h('tr', [t('eval.disclosure.when'), t('eval.disclosure.who'), t('eval.disclosure.what'),
          t('eval.disclosure.reason')].map((c) => h('th', c)))),
        h('tbody', d.history.map((c, i) => h('tr', { key: i }, [c.changedAt, c.changedBy, c.enabledLabel, c.reason]
          .map((x) => h('td', x))))),
      ])) : null,
    ]);
  }

  return () => {
    if (!allowed) return [refusal(user)];
    return [
      controls(),
      show(state.loading, () => h('p', { class: 'hint' }, t('loading'))),
      show(state.error, () => h('p', { class: 'error', role: 'alert' }, state.error)),
      show(state.figure, () => figureCard(state.figure)),
      show(state.drill, () => drillTable(state.drill)),
      trendChart(),
      show(state.ranking, () => rankingTable(state.ranking)),
      show(state.disclosure, () => disclosureCard(state.disclosure)),
    ];
  };
}, { wide: true });
