// The 考核评价 tile of the command-centre dashboard and the leader's pages: the level's 三率 (响应率, 解决率, 满意率)
// and 按期处置率 this month so far, the last six months as a small line per rate, and the rank among its peers, from one
// call to evaluation-service (/api/evaluation/tile). Every label and time comes from the service in Chinese
// (Asia/Shanghai); the lines are plain SVG with their values written beside them, so the tile prints as it shows.
import { ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** This month in Shanghai, as 2026-03: the dashboard shows the month so far. */
function thisMonth() {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A six-point line of one rate, with the month's value written at its end. */
function sparkline(trend, rate) {
  const w = 120; const hgt = 28;
  const values = trend.map((m) => (m.rates.find((r) => r.rate === rate) || {}).value);
  const step = trend.length > 1 ? w / (trend.length - 1) : w;
  const points = values.map((v, i) => (v == null ? null : `${(i * step).toFixed(1)},${(hgt - 2 - v * (hgt - 4)).toFixed(1)}`));
  const label = trend.map((m, i) => `${m.period.label} ${(m.rates.find((r) => r.rate === rate) || {}).text || '—'}`)
    .join('，');
  return h('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': label,
    class: 'eval-spark' }, [
    h('polyline', { points: points.filter(Boolean).join(' '), fill: 'none', stroke: '#2e86c1', 'stroke-width': 2 }),
    ...points.map((p, i) => (p ? h('circle', { key: i, cx: p.split(',')[0], cy: p.split(',')[1], r: 2,
      fill: '#2e86c1' }) : null)),
  ]);
}

/**
 * The tile for an area; returns a render function. A failure to load is said in the tile (the rest of the page does
 * not depend on it), never as the page's error.
 */
export function evaluationTile(area) {
  const tile = ref(null);
  const failed = ref('');
  if (area) {
    api('/api/evaluation/tile?object=' + encodeURIComponent(area) + '&period=' + thisMonth())
      .then((v) => { tile.value = v; })
      .catch((e) => { failed.value = e.message; });
  }
  return () => {
    if (!area) return null;
    const v = tile.value;
    return h('section', { class: 'card eval-tile', 'aria-labelledby': 'eval-tile-title', 'data-test': 'eval-tile' }, [
      h('h2', { id: 'eval-tile-title' }, v ? `${t('evalTile')} · ${v.object.name} · ${v.period.label}` : t('evalTile')),
      failed.value ? h('p', { class: 'hint' }, t('evalTile.unavailable', { reason: failed.value })) : null,
      v ? h('p', { class: 'hint' }, [h('strong', { 'data-test': 'eval-tile-rank' }, v.rank.text), ` · ${v.status}`])
        : (failed.value ? null : h('p', { class: 'hint' }, t('loading'))),
      v ? h('table', { 'data-test': 'eval-tile-rates' }, [
        h('thead', h('tr', [t('eval.rate'), v.period.label, t('evalTile.trend', { n: v.trend.length })]
          .map((c) => h('th', c)))),
        h('tbody', v.rates.map((r) => h('tr', { key: r.rate }, [
          h('td', r.label),
          h('td', { 'data-test': 'eval-tile-value' }, r.text),
          h('td', sparkline(v.trend, r.rate)),
        ]))),
      ]) : null,
      v ? h('p', { class: 'hint' }, [t('eval.composite'), ' ', h('strong', v.compositeText),
        ' · ', h('a', { href: '/evaluation.html', class: 'no-print' }, t('evalTile.more'))]) : null,
    ]);
  };
}
