// 大屏: a command centre's wall display, one 16:9 screen without scrolling, read from three metres. Everything on it
// is read from the services the dashboard reads (dispatch's overview and queue, sla-service's clocks, evaluation's
// tile and rankings, org-registry's grids and names, notification-service's live stream) for the signed-in centre's
// own area and what lies below it; nothing is typed in, so it runs unattended.
import { computed, nextTick, onMounted, onUnmounted, reactive, ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, consoleConfig, live as liveStream } from './api.js';
import { h, show } from './dom.js';
import { locale, span, t, time, TIME_ZONE } from './i18n.js';
import { createMap, drawGrids, eventPoints, labelAreas } from './map.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const OPEN_STATES = ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'VERIFIED'];
/** The level a ranking of an area's parts is asked at, by the area's own kind. */
const PARTS = { CITY: 'DISTRICT', DISTRICT: 'STREET', STREET: 'COMMUNITY' };
/** How many open tickets' clocks the alarms read: the centre's newest, so the wall costs the services little. */
const ALARM_TICKETS = 20;
/** A clock turns amber this long before it is due. */
const AMBER_MS = 2 * 3600 * 1000;
/** How many open events the map shows as points: the newest in its view (dispatch's bounded read). */
const POINTS = 200;
/** Lines each list shows: the wall never scrolls. */
const LINES = 6;

/** This month in Shanghai, as 2026-03. */
function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}

/** Today's date in Shanghai as 2026-12-07, minus some days. */
function shanghaiDay(daysBack = 0) {
  return new Date(Date.now() - daysBack * 86400000).toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
}

startPage('screen', ({ user }) => {
  const allowed = hasAny(user, PAGE_ROLES.screen);
  const asked = new URLSearchParams(location.search).get('area');
  const area = (asked && (user?.orgScope || []).includes(asked)) ? asked : user?.orgScope?.[0] || null;
  const now = ref(Date.now());
  const root = ref(null);
  const nodes = reactive({});
  const units = reactive({});
  const partOf = new Map();
  const overview = ref(null);
  const slaRows = ref([]);
  const areaUnits = ref(new Set());
  const centre = ref(null);
  const openQueue = ref([]);
  const alarms = ref([]);
  const tile = ref(null);
  const partsRanking = ref(null);
  const unitsRanking = ref(null);
  const categories = ref([]);
  const feed = ref([]);
  const live = ref('retrying');
  const error = ref('');
  const mapElement = ref(null);
  const points = ref([]);
  let paintGrids = null;
  let drawPoints = null;
  let wallMap = null;
  let relabel = null;
  let closeLive = () => {};
  let clockTimer = null;
  let refreshTimer = null;
  let slowTimer = null;

  const name = (record) => (record ? ((locale.lang === 'en' && record.nameEn) || record.name) : '…');
  const nodeName = (code) => (nodes[code] ? name(nodes[code]) : (code === '-' ? t('none') : '…'));
  const unitName = (code) => {
    if (!code) return t('someUnit');
    if (!(code in units)) {
      units[code] = null;
      api(`/api/org/units/${encodeURIComponent(code)}`).then((u) => { units[code] = u; }).catch(() => { units[code] = false; });
    }
    return units[code] === false ? t('someUnit') : name(units[code]);
  };
  const categoryName = (code) => {
    const c = categories.value.find((s) => s.service_code === code);
    return c ? ((locale.lang === 'en' && c.description) || c.service_name) : t('someCategory');
  };

  const openBy = computed(() => {
    const by = new Map();
    for (const c of overview.value?.openByLevelAndState || []) {
      const state = c.key.split('/')[1];
      by.set(state, (by.get(state) || 0) + c.count);
    }
    return by;
  });
  const openTotal = computed(() => [...openBy.value.values()].reduce((a, b) => a + b, 0));
  const sla = computed(() => slaRows.value.filter((r) => areaUnits.value.has(r.unit)).reduce((sum, r) => ({
    running: sum.running + r.running, dueSoon: sum.dueSoon + r.dueSoon, overdue: sum.overdue + r.overdue }),
  { running: 0, dueSoon: 0, overdue: 0 }));
  /** The last n Shanghai days, oldest first, each with its raised and closed count (0 when the day had none). */
  const trend = (n) => {
    const by = new Map((overview.value?.lastDays || []).map((d) => [d.day, d]));
    return Array.from({ length: n }, (_, i) => {
      const day = shanghaiDay(n - 1 - i);
      return { day, raised: by.get(day)?.raised || 0, closed: by.get(day)?.closed || 0 };
    });
  };
  /** The categories of the centre's open tickets among its newest, most first. */
  const topCategories = computed(() => {
    const by = new Map();
    for (const q of openQueue.value) by.set(q.category, (by.get(q.category) || 0) + 1);
    return [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, LINES);
  });

  async function loadTree() {
    const tree = await api(`/api/org/nodes/${encodeURIComponent(area)}/subtree?levels=3`);
    root.value = tree.node;
    const walk = (branch, part) => {
      nodes[branch.node.code] = branch.node;
      partOf.set(branch.node.code, part);
      branch.children.forEach((child) => walk(child, part || child.node.code));
    };
    walk(tree, null);
  }

  async function loadNumbers() {
    try {
      overview.value = await api(`/api/tickets/overview?area=${encodeURIComponent(area)}`);
      if (paintGrids) paintGrids(Object.fromEntries((overview.value.openByGrid || []).map((c) => [c.key, c.count])));
      if (relabel) relabel();
      error.value = '';
    } catch (e) {
      error.value = e.message;
    }
    api('/api/sla/summary').then((rows) => { slaRows.value = rows; }).catch(() => { slaRows.value = []; });
  }

  /** The centre's newest open tickets, and the clocks of the first of them: overdue first, then the nearest due. */
  async function loadAlarms() {
    if (!centre.value) return;
    try {
      const page = await api(`/api/queues/centres/${encodeURIComponent(centre.value)}?size=50&sort=raisedAt,desc`);
      openQueue.value = page.items.filter((q) => OPEN_STATES.includes(q.state));
    } catch (e) {
      error.value = e.message;
      return;
    }
    const sheets = await Promise.all(openQueue.value.slice(0, ALARM_TICKETS).map((q) =>
      api(`/api/sla/tickets/${q.ticketId}`).then((s) => ({ q, clocks: s.clocks })).catch(() => ({ q, clocks: [] }))));
    alarms.value = sheets.flatMap(({ q, clocks }) => clocks
      .filter((c) => c.state === 'RUNNING' || c.state === 'EXPIRED')
      .map((c) => ({ key: `${q.ticketId}-${c.clockId}`, number: q.number, category: q.category, kind: c.kind,
        unit: c.unitId, at: Date.parse(c.dueAt) })))
      .sort((a, b) => a.at - b.at);
    paintPoints();
  }

  /** The newest open events inside the map's view, as points; an overdue one is an alarm's ticket past its deadline. */
  async function loadPoints() {
    if (!wallMap) return;
    const b = wallMap.getBounds();
    const view = { south: Math.max(-90, b.getSouth()), west: Math.max(-180, b.getWest()),
      north: Math.min(90, b.getNorth()), east: Math.min(180, b.getEast()) };
    try {
      points.value = await api('/api/tickets/points?' + new URLSearchParams({ area, ...view, limit: POINTS }));
    } catch (e) {
      error.value = e.message;
      return;
    }
    paintPoints();
  }

  function paintPoints() {
    if (!drawPoints) return;
    const overdue = new Set(alarms.value.filter((a) => a.at < Date.now()).map((a) => a.number));
    drawPoints(points.value.map((p) => ({ lat: p.lat, lng: p.lng, urgent: p.priority === 'URGENT',
      overdue: overdue.has(p.number),
      label: `${p.number} ${categoryName(p.category)} · ${t('state.' + p.state)} · ${time(p.raisedAt)}` })));
  }

  async function loadEvaluation() {
    const period = thisMonth();
    api(`/api/evaluation/tile?object=${encodeURIComponent(area)}&period=${period}`)
      .then((v) => { tile.value = v; }).catch(() => { tile.value = null; });
    const level = PARTS[root.value?.kind];
    if (level) {
      api(`/api/evaluation/rankings?level=${level}&within=${encodeURIComponent(area)}&period=${period}&top=5`)
        .then((r) => { partsRanking.value = r; }).catch(() => { partsRanking.value = null; });
    }
    api(`/api/evaluation/rankings?level=DEPARTMENT&within=${encodeURIComponent(area)}&period=${period}&top=5`)
      .then((r) => { unitsRanking.value = r; }).catch(() => { unitsRanking.value = null; });
  }

  async function startMap() {
    const config = await consoleConfig();
    await nextTick();
    // A wall is watched, not handled: no zoom buttons, and the map keeps the view it was fitted to.
    const made = createMap(mapElement.value, config, { zoomControl: false, keyboard: false, scrollWheelZoom: false });
    try {
      const grids = await api(`/api/org/nodes/${encodeURIComponent(area)}/grids`);
      paintGrids = drawGrids(made.map, grids, {}, (gridName, n) => `${gridName}：${t('openCount', { n })}`);
      // Each grid's part of the area (its district on a city's wall), through the community it belongs to.
      const partOfGrid = new Map((grids.features || []).map((f) => [f.properties.code,
        partOf.get(f.properties.parentCode) || partOf.get(f.properties.code) || null]));
      const openIn = (part) => (overview.value?.openByGrid || []).filter((c) => partOfGrid.get(c.key) === part)
        .reduce((sum, c) => sum + c.count, 0);
      relabel = labelAreas(made.map, grids, (feature) => partOfGrid.get(feature.properties.code),
        (part) => `${nodeName(part)} ${t('openCount', { n: openIn(part) })}`);
      if (overview.value) paintGrids(Object.fromEntries((overview.value.openByGrid || []).map((c) => [c.key, c.count])));
    } catch (e) {
      error.value = e.message;
    }
    // The points after the map is fitted to the area's parts: its view is what they are read for.
    wallMap = made.map;
    drawPoints = eventPoints(made.map, (n) => t('screen.pointsCluster', { n }));
    loadPoints();
  }

  function onEvent(type, data) {
    if (data.feed !== false) {
      feed.value.unshift({ key: `${data.eventId || Date.now()}-${feed.value.length}`, type,
        at: data.at || new Date().toISOString(), title: data.title, urgency: data.urgency });
      feed.value.splice(LINES);
    }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => Promise.all([loadNumbers(), loadAlarms(), loadPoints()]), 500);
  }

  onMounted(async () => {
    if (!allowed || !area) return;
    clockTimer = setInterval(() => { now.value = Date.now(); }, 1000);
    api('/open311/v2/services.json').then((list) => { categories.value = list; }).catch(() => {});
    api(`/api/org/units?within=${encodeURIComponent(area)}`).then((list) => {
      list.forEach((u) => { units[u.code] = u; });
      areaUnits.value = new Set(list.map((u) => u.code));
      const scoped = list.filter((u) => u.kind === 'COMMAND_CENTRE');
      const own = user.unit && scoped.find((u) => u.code === user.unit);
      centre.value = own ? own.code : (scoped.find((u) => u.areaCode === area) || scoped[0])?.code || null;
      if (centre.value) {
        closeLive = liveStream(`/api/notifications/stream/centres/${encodeURIComponent(centre.value)}`, onEvent,
          (state) => { live.value = state; });
      }
      loadAlarms();
    }).catch((e) => { error.value = e.message; });
    try {
      await loadTree();
    } catch (e) {
      error.value = e.message;
    }
    await loadNumbers();
    loadEvaluation();
    startMap();
    // Rankings and 三率 move slowly; the counts follow the live stream and this in case it missed something.
    slowTimer = setInterval(() => { loadNumbers(); loadAlarms(); loadPoints(); loadEvaluation(); }, 5 * 60 * 1000);
  });
  onUnmounted(() => {
    clearInterval(clockTimer);
    clearInterval(slowTimer);
    clearTimeout(refreshTimer);
    closeLive();
  });

  const panel = (id, title, body, extra = {}) => h('section', { class: ['screen-panel', `screen-${id}`],
    'aria-labelledby': `screen-${id}-title`, 'data-test': `screen-${id}`, ...extra }, [
    h('h2', { id: `screen-${id}-title` }, title), body]);

  const kpi = (label, value, test, tone) => h('div', { class: ['screen-kpi', tone || ''] },
    [h('span', label), h('strong', { 'data-test': test }, String(value))]);

  const clockText = computed(() => new Intl.DateTimeFormat(locale.lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', hour: '2-digit',
    minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(now.value)));

  const top = () => h('div', { class: 'screen-top' }, [
    h('div', { class: 'screen-title' }, [h('strong', root.value ? name(root.value) : '…'), ' ',
      h('span', centre.value ? unitName(centre.value) : '')]),
    h('div', { class: 'screen-clock', role: 'timer', 'aria-live': 'off', 'data-test': 'screen-clock' }, clockText.value),
    h('span', { class: ['badge', live.value === 'open' ? '' : 'soon'], 'data-test': 'live-state' },
      live.value === 'open' ? t('liveOpen') : t('liveRetrying')),
  ]);

  const kpis = () => h('div', { class: 'screen-kpis', 'data-test': 'screen-kpis' }, [
    kpi(t('openTickets'), overview.value ? openTotal.value : '—', 'screen-open'),
    kpi(t('state.RAISED'), openBy.value.get('RAISED') || 0),
    kpi(t('state.DISPATCHED'), openBy.value.get('DISPATCHED') || 0),
    kpi(t('state.IN_PROGRESS'), openBy.value.get('IN_PROGRESS') || 0),
    kpi(t('overdue'), sla.value.overdue, 'screen-overdue', 'red'),
    kpi(t('dueSoon'), sla.value.dueSoon, null, 'amber'),
    kpi(t('raisedToday'), overview.value ? overview.value.raisedToday : '—', 'screen-raised-today'),
    kpi(t('closedToday'), overview.value ? overview.value.closedToday : '—'),
  ]);

  const rates = () => panel('rates', tile.value ? `${t('screen.rates')} · ${tile.value.period.label}` : t('screen.rates'),
    tile.value
      ? h('div', { class: 'screen-rates' }, tile.value.rates.slice(0, 4).map((r) => h('div', { key: r.rate, class: 'screen-rate' },
        [h('span', r.label), h('strong', r.text)])).concat([
        h('p', { class: 'screen-note', key: 'rank' }, `${tile.value.rank.text} · ${t('eval.composite')} ${tile.value.compositeText}`)]))
      : h('p', { class: 'screen-note' }, t('screen.noRates')));

  const categoriesPanel = () => panel('categories', t('screen.categories'), topCategories.value.length
    ? h('ol', { class: 'screen-bars' }, topCategories.value.map(([code, n]) => h('li', { key: code }, [
      h('span', categoryName(code)),
      h('span', { class: 'screen-bar' }, h('span', { class: 'screen-bar-fill', style: { width: `${(100 * n) / topCategories.value[0][1]}%` } })),
      h('strong', String(n))])))
    : h('p', { class: 'screen-note' }, t('noTickets')));

  const rankingList = (id, title, ranking) => panel(id, ranking ? `${title} · ${ranking.period.label}` : title,
    ranking && ranking.rows.some((r) => r.rank != null)
      ? h('table', { class: 'screen-table' }, [
        h('thead', h('tr', [t('eval.rank'), t('eval.name'), t('eval.composite'), t('screen.onTime'), t('screen.satisfaction')]
          .map((c) => h('th', c)))),
        h('tbody', ranking.rows.filter((r) => r.rank != null).slice(0, LINES - 1).map((r) => h('tr', { key: r.id }, [
          h('td', String(r.rank)), h('td', r.name), h('td', r.composite), h('td', r.onTimeHandling), h('td', r.satisfaction)]))),
      ])
      : h('p', { class: 'screen-note' }, t('screen.noRanking')));

  const trendChart = () => {
    const days = trend(30);
    const week = days.slice(-7);
    const max = Math.max(1, ...days.map((d) => Math.max(d.raised, d.closed)));
    const w = 600; const hgt = 150; const step = w / days.length;
    const line = (key) => days.map((d, i) => `${(i * step + step / 2).toFixed(1)},${(hgt - 16 - (d[key] / max) * (hgt - 30)).toFixed(1)}`).join(' ');
    const sum = (list, key) => list.reduce((s, d) => s + d[key], 0);
    const summary = t('screen.trendSummary', { r7: sum(week, 'raised'), c7: sum(week, 'closed'), r30: sum(days, 'raised'),
      c30: sum(days, 'closed') });
    return panel('trend', t('screen.trend'), h('div', { class: 'screen-trend' }, [
      h('p', { class: 'screen-note', 'data-test': 'screen-trend-summary' }, summary),
      h('svg', { viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': summary, preserveAspectRatio: 'none' }, [
        h('rect', { x: w - 7 * step, y: 0, width: 7 * step, height: hgt - 14, class: 'screen-week' }),
        h('polyline', { points: line('raised'), fill: 'none', stroke: '#ff8a80', 'stroke-width': 3 }),
        h('polyline', { points: line('closed'), fill: 'none', stroke: '#69f0ae', 'stroke-width': 3 }),
        h('text', { x: 2, y: hgt - 2 }, days[0].day.substring(5)),
        h('text', { x: w - 2, y: hgt - 2, 'text-anchor': 'end' }, days[days.length - 1].day.substring(5)),
      ]),
      h('p', { class: 'screen-legend' }, [h('span', { class: 'raised' }, t('screen.raised')), ' ',
        h('span', { class: 'closed' }, t('screen.closed')), ' ', h('span', { class: 'week' }, t('screen.week'))]),
    ]));
  };

  const alarmPanel = () => {
    const shown = alarms.value.filter((a) => a.at - now.value < AMBER_MS * 12).slice(0, LINES);
    return panel('alarms', t('screen.alarms'), shown.length
      ? h('ul', { class: 'screen-list' }, shown.map((a) => {
        const left = a.at - now.value;
        const tone = left < 0 ? 'red' : (left < AMBER_MS ? 'amber' : '');
        return h('li', { key: a.key, class: tone }, [
          h('div', [h('strong', a.number), ' ', t('clock.' + a.kind), a.unit ? ` · ${unitName(a.unit)}` : '']),
          h('div', { class: ['countdown', tone], role: 'timer' }, left < 0 ? t('overdueBy', { t: span(-left) }) : span(left)),
        ]);
      }))
      : h('p', { class: 'screen-note' }, t('screen.noAlarms')));
  };

  const feedPanel = () => panel('feed', t('liveFeed'), feed.value.length
    ? h('ul', { class: 'screen-list', 'aria-live': 'polite', 'data-test': 'feed' }, feed.value.map((f) => h('li', { key: f.key }, [
      h('div', [h('span', { class: ['badge', f.urgency === 'URGENT' ? 'urgent' : ''] }, t('event.' + f.type)), ' ', f.title]),
      h('div', { class: 'screen-note' }, time(f.at))])))
    : h('p', { class: 'screen-note' }, t('screen.waiting')));

  const mapPanel = () => panel('map', `${t('map')} · ${t('screen.points', { n: points.value.length })}`, h('div', { ref: mapElement, class: 'screen-mapbox', role: 'img',
    'aria-label': t('map') }));

  return () => {
    if (!allowed) return refusal(user);
    return h('div', { class: 'screen-grid' }, [
      top(),
      show(error.value, () => h('p', { class: 'error screen-error', role: 'alert' }, error.value)),
      kpis(),
      rates(),
      mapPanel(),
      alarmPanel(),
      categoriesPanel(),
      feedPanel(),
      rankingList('parts', PARTS[root.value?.kind] ? t('screen.partsRanking', { level: t('eval.level.' + PARTS[root.value.kind]) })
        : t('screen.partsRankingNone'), partsRanking.value),
      trendChart(),
      rankingList('units', t('screen.unitsRanking'), unitsRanking.value),
    ]);
  };
}, { wide: true });
