// 指挥中心: the dashboard of a street, district or city command centre, by the signed-in dispatcher's scope. Every
// number comes from a service: dispatch's overview and queue, sla-service's clocks, org-registry's grids and names,
// notification-service's live stream.
import { computed, nextTick, onMounted, onUnmounted, reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, consoleConfig, live as liveStream, mediaUrl, uploadHandlingEvidence } from './api.js';
import { field, h, model, show } from './dom.js';
import { clockDetails, locale, named, plainSpan, span, t, time } from './i18n.js';
import { evaluationTile } from './evaltile.js';
import { hotlineDesk } from './hotline.js';
import { createMap, drawGrids } from './map.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const OPEN_STATES = ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'VERIFIED'];
const TABS = ['ACTION', '', 'RAISED', 'FILED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED'];
const LEVEL_OF_ROLE = { STREET_DISPATCHER: 'STREET', DISTRICT_DISPATCHER: 'DISTRICT', CITY_DISPATCHER: 'CITY' };
/** The ticket states each command-centre action is offered in (dispatch's transition table decides again). */
const ACTIONS = {
  file: ['RAISED'], reject: ['RAISED'], merge: ['RAISED'], summon: ['FILED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS'],
  transfer: ['RAISED', 'FILED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS'], verify: ['RESOLVED'], close: ['VERIFIED'],
  reopen: ['RESOLVED', 'VERIFIED', 'CLOSED'],
  supervise: ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED'],
  pullUp: ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'VERIFIED'],
  handDown: ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'VERIFIED'],
  withdraw: ['DISPATCHED', 'IN_PROGRESS'], lead: ['DISPATCHED', 'IN_PROGRESS'],
};
const LEVELS = ['STREET', 'DISTRICT', 'CITY'];
const FINISHED = ['CLOSED', 'REJECTED', 'MERGED'];
/** Amber this long before a deadline (or once sla-service has warned), red after it. */
const DUE_SOON_MS = 4 * 3600 * 1000;

startPage('command', ({ user }) => {
    const allowed = hasAny(user, PAGE_ROLES.command);
    const readOnly = !hasAny(user, Object.keys(LEVEL_OF_ROLE));
    const area = ref(user?.orgScope?.[0] || null);
    const centre = ref(null);
    const overview = ref(null);
    const slaRows = ref([]);
    const areaUnits = ref(new Set());
    const units = reactive({});
    const nodes = reactive({});
    const categories = ref([]);
    const queue = ref([]);
    // The queue opens on what waits for the centre (待处理), oldest first; a tab, a number or a unit narrows it.
    const stateFilter = ref('ACTION');
    const numberSearch = ref('');
    const textSearch = ref('');
    // the whistles raised with a caller's whole number, from intake (issue 23): {whistles, more} once asked
    const phoneSearch = ref('');
    const phoneFound = ref(null);
    const unitFilter = ref('');
    const picked = ref(new Set());
    const bulkLead = ref('');
    const bulkAnswer = ref(null);
    const dues = reactive({});
    const whistleOf = {};
    const now = ref(Date.now());
    const feed = ref([]);
    const freshWhistles = ref(new Set());
    const live = ref('retrying');
    const error = ref('');
    const mapElement = ref(null);
    const hasTiles = ref(true);
    const selectedId = ref(null);
    const ticket = ref(null);
    const whistle = ref(null);
    const photos = ref([]);
    const resultPhotos = ref([]);
    const clocks = ref([]);
    const proposal = ref(null);
    const candidates = ref([]);
    const centres = ref([]);
    const dialog = ref(null);
    const busy = ref(false);
    const draft = reactive({ reason: '', lead: '', coUnits: [], centre: '', level: '', into: '', dueBy: '', files: [] });
    const followUp = reactive({ rating: '', resolved: '', comment: '' });
    let paintGrids = null;
    let closeLive = () => {};

    // A name people read, never the code: "…" while it is looked up, the catalogue's word if it cannot be.
    const unitName = (code) => {
      const u = units[code];
      if (!u) {
        if (code && !(code in units)) lookUpUnit(code);
        return u === false || !code ? t('someUnit') : '…';
      }
      return (locale.lang === 'en' && u.nameEn) || u.name;
    };
    const nodeName = (code) => {
      const n = nodes[code];
      if (!n) {
        if (code && !(code in nodes)) lookUpNode(code);
        return n === false || !code ? t('someArea') : '…';
      }
      return (locale.lang === 'en' && n.nameEn) || n.name;
    };
    const categoryName = (code) => {
      const c = categories.value.find((s) => s.service_code === code);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : code;
    };

    async function lookUpUnit(code) {
      units[code] = null;
      try { units[code] = await api(`/api/org/units/${encodeURIComponent(code)}`); } catch { units[code] = false; }
    }
    async function lookUpNode(code) {
      nodes[code] = null;
      try { nodes[code] = await api(`/api/org/nodes/${encodeURIComponent(code)}`); } catch { nodes[code] = false; }
    }

    const counts = (pick) => {
      const out = new Map();
      for (const c of overview.value?.openByLevelAndState || []) {
        const [level, state] = c.key.split('/');
        const key = pick(level, state);
        out.set(key, (out.get(key) || 0) + c.count);
      }
      return out;
    };
    const openTotal = computed(() => (overview.value ? [...counts(() => 'all').values()].reduce((a, b) => a + b, 0) : '—'));
    const stateCounts = computed(() => {
      const by = counts((level, state) => state);
      return OPEN_STATES.map((state) => ({ state, count: by.get(state) || 0 }));
    });
    const levelCounts = computed(() => {
      const by = counts((level) => level);
      return ['STREET', 'DISTRICT', 'CITY'].map((level) => ({ level, count: by.get(level) || 0 }));
    });
    /** Clocks answered by the units of this area (sla-service counts by answering unit). */
    const slaInArea = computed(() => slaRows.value.filter((r) => areaUnits.value.has(r.unit)));
    const sla = computed(() => slaInArea.value.reduce((sum, r) => ({ running: sum.running + r.running,
      dueSoon: sum.dueSoon + r.dueSoon, overdue: sum.overdue + r.overdue }), { running: 0, dueSoon: 0, overdue: 0 }));
    const slaByUnit = computed(() => {
      const by = {};
      for (const r of slaRows.value) by[r.unit] = { overdue: (by[r.unit]?.overdue || 0) + r.overdue };
      return by;
    });
    const onTime = computed(() => {
      const all = sla.value.running + sla.value.overdue;
      return all ? sla.value.running / all : null;
    });
    const onTimeText = computed(() => (onTime.value == null ? '—' : `${Math.round(onTime.value * 100)}%`));
    const todayBars = computed(() => {
      const raised = overview.value?.raisedToday || 0;
      const closed = overview.value?.closedToday || 0;
      const max = Math.max(1, raised, closed);
      return [
        { label: t('raisedToday'), value: raised, width: (170 * raised) / max, colour: '#b71c1c' },
        { label: t('closedToday'), value: closed, width: (170 * closed) / max, colour: '#1b5e20' },
      ];
    });

    const can = (action) => ticket.value && ACTIONS[action].includes(ticket.value.state);
    // The highest dispatcher level the person holds: 督办、催办 and 提级 come from a district or city above the ticket.
    const ownLevel = () => Object.keys(LEVEL_OF_ROLE).filter((r) => hasAny(user, [r])).map((r) => LEVEL_OF_ROLE[r])
      .sort((a, b) => LEVELS.indexOf(b) - LEVELS.indexOf(a))[0];
    const fromAbove = (strictly) => {
      const mine = LEVELS.indexOf(ownLevel()), its = LEVELS.indexOf(ticket.value.level);
      return mine >= 1 && (strictly ? mine > its : mine >= its);
    };
    const owning = () => ownLevel() && hasAny(user, Object.keys(LEVEL_OF_ROLE)
      .filter((r) => LEVEL_OF_ROLE[r] === ticket.value.level));

    async function findCentre() {
      const scoped = await api(`/api/org/units?within=${encodeURIComponent(area.value)}&kind=COMMAND_CENTRE`);
      scoped.forEach((u) => { units[u.code] = u; });
      const own = user.unit && scoped.find((u) => u.code === user.unit);
      return own ? own.code : (scoped.find((u) => u.areaCode === area.value) || scoped[0])?.code || null;
    }

    async function loadNumbers() {
      try {
        overview.value = await api(`/api/tickets/overview?area=${encodeURIComponent(area.value)}`);
        if (paintGrids) paintGrids(Object.fromEntries((overview.value.openByGrid || []).map((c) => [c.key, c.count])));
        error.value = '';
      } catch (e) {
        error.value = e.message;
      }
      try {
        slaRows.value = await api('/api/sla/summary');
      } catch {
        slaRows.value = [];
      }
    }

    async function loadQueue() {
      if (!centre.value) {
        queue.value = [];
        return;
      }
      const query = queueQuery();
      query.set('size', '50');
      try {
        queue.value = (await api(`/api/queues/centres/${encodeURIComponent(centre.value)}?${query}`)).items;
        const shown = new Set(queue.value.map((q) => q.ticketId));
        picked.value = new Set([...picked.value].filter((id) => shown.has(id)));
        loadDues();
      } catch (e) {
        error.value = e.message;
      }
    }

    /** The queue's narrowing as dispatch reads it, for the page and for its export alike. */
    function queueQuery() {
      const query = new URLSearchParams();
      if (stateFilter.value === 'ACTION') query.set('view', 'ACTION');
      else {
        query.set('sort', 'raisedAt,desc');
        if (stateFilter.value) query.set('state', stateFilter.value);
      }
      if (numberSearch.value.trim()) query.set('number', numberSearch.value.trim());
      if (textSearch.value.trim()) query.set('text', textSearch.value.trim());
      if (unitFilter.value) query.set('unit', unitFilter.value);
      return query;
    }
    const exportLink = (format) => centre.value
      ? `/api/queues/centres/${encodeURIComponent(centre.value)}/export?${new URLSearchParams([...queueQuery(), ['format', format]])}`
      : '#';

    // The nearest running deadline of each open ticket on the page, from sla-service's clocks (its FILE clock for a
    // whistle not yet filed): the countdowns, the order by time left and the overdue list read these.
    async function loadDues() {
      await Promise.all(queue.value.filter((q) => !FINISHED.includes(q.state)).map(async (q) => {
        try {
          // sla-service learns a ticket's id when it is filed; until then its clocks are the whistle's.
          if (q.state === 'RAISED' && !whistleOf[q.ticketId]) {
            whistleOf[q.ticketId] = (await api(`/api/tickets/${q.ticketId}`)).whistleId;
          }
          const sheet = await api(`/api/sla/tickets/${q.state === 'RAISED' ? whistleOf[q.ticketId] : q.ticketId}`);
          const running = (sheet.clocks || []).filter((c) => c.state !== 'STOPPED')
            .map((c) => ({ at: Date.parse(c.dueAt), kind: c.kind, unit: c.unitId, warned: c.warningSent }))
            .sort((a, b) => a.at - b.at);
          dues[q.ticketId] = running[0] || null;
        } catch {
          dues[q.ticketId] = null;
        }
      }));
    }
    const dueClass = (due) => (!due ? '' : due.at < now.value ? 'late' : (due.warned || due.at - now.value < DUE_SOON_MS) ? 'soon' : '');
    const dueText = (due) => (!due ? t('noClock') : due.at < now.value ? t('overdueBy', { t: span(now.value - due.at) })
      : t('dueIn', { t: span(due.at - now.value) }));
    /** What waits for the centre is read by time left; other tabs keep dispatch's order. */
    const shownQueue = computed(() => (stateFilter.value !== 'ACTION' ? queue.value : [...queue.value].sort((a, b) =>
      (dues[a.ticketId]?.at ?? Infinity) - (dues[b.ticketId]?.at ?? Infinity))));
    const pressing = computed(() => queue.value.map((q) => ({ q, due: dues[q.ticketId] }))
      .filter((x) => x.due && dueClass(x.due)).sort((a, b) => a.due.at - b.due.at));

    function togglePick(id) {
      const next = new Set(picked.value);
      if (next.has(id)) next.delete(id); else next.add(id);
      picked.value = next;
    }

    /** 批量受理、派哨、结案: dispatch changes each ticket as the single action would and answers per ticket. */
    async function bulk(action) {
      const tickets = [...picked.value];
      if (!tickets.length) return;
      if (action === 'CLOSE' && !window.confirm(t('bulkCloseConfirm', { n: tickets.length }))) return;
      busy.value = true;
      error.value = '';
      try {
        const body = { action, tickets };
        if (action === 'SUMMON') body.lead = bulkLead.value;
        bulkAnswer.value = await api('/api/tickets/bulk', { method: 'POST', body });
        picked.value = new Set();
      } catch (e) {
        error.value = e.message;
        return;
      } finally {
        busy.value = false;
      }
      await Promise.all([loadQueue(), loadNumbers(), selectedId.value ? loadTicket() : null]);
    }

    async function select(id) {
      selectedId.value = id;
      dialog.value = null;
      await loadTicket();
    }

    async function loadTicket() {
      const id = selectedId.value;
      if (!id) return;
      ticket.value = await api(`/api/tickets/${id}`);
      api(`/api/sla/tickets/${id}`).then((s) => { clocks.value = s.clocks; }).catch(() => { clocks.value = []; });
      api(`/api/tickets/${id}/proposal`).then((p) => { proposal.value = p; }).catch(() => { proposal.value = null; });
      try {
        whistle.value = await api(`/api/whistles/${ticket.value.whistleId}`);
        photos.value = await Promise.all((whistle.value.evidence || []).filter((p) => p.contentType.startsWith('image/'))
          .map(async (p) => ({ ...p, url: await mediaUrl(`/api/whistles/${whistle.value.id}/evidence/${p.mediaId}`) })));
      } catch {
        whistle.value = null;
        photos.value = [];
      }
      // The units' result photos, beside the reporter's, for the verification (核查).
      const refs = ticket.value.timeline.filter((e) => e.action === 'DONE').flatMap((e) => e.evidence || [])
        .filter((p) => p.contentType.startsWith('image/'));
      resultPhotos.value = (await Promise.all(refs.map((p) => mediaUrl(`/api/whistles/${ticket.value.whistleId}/evidence/${p.mediaId}`)
        .then((url) => ({ ...p, url })).catch(() => null)))).filter(Boolean);
    }

    async function openDialog(name) {
      dialog.value = name;
      Object.assign(draft, { reason: '', coUnits: [], centre: '', level: '', into: '', dueBy: '', files: [], lead: '' });
      if (name === 'summon') {
        const node = ticket.value.gridId || ticket.value.streetId || area.value;
        const list = await api(`/api/org/nodes/${encodeURIComponent(node)}/units?inherited=true`).catch(() => []);
        list.forEach((u) => { units[u.code] = u; });
        candidates.value = list.filter((u) => u.active && u.kind !== 'COMMAND_CENTRE');
        draft.lead = proposal.value?.lead || candidates.value[0]?.code || '';
        draft.coUnits = [...(proposal.value?.coUnits || [])];
        if (draft.lead && !candidates.value.some((u) => u.code === draft.lead)) {
          candidates.value.unshift({ code: draft.lead });
        }
      }
      if (name === 'transfer' && !centres.value.length) {
        centres.value = await api('/api/org/units?kind=COMMAND_CENTRE').catch(() => []);
        centres.value.forEach((u) => { units[u.code] = u; });
      }
    }

    async function act(path, body = {}) {
      busy.value = true;
      error.value = '';
      try {
        ticket.value = await api(`/api/tickets/${ticket.value.id}/${path}`, { method: 'POST', body });
        dialog.value = null;
      } catch (e) {
        error.value = e.message;
        return;
      } finally {
        busy.value = false;
      }
      // The answer is the ticket as changed; the lists and clocks follow without holding the next action.
      await Promise.all([loadQueue(), loadNumbers(), loadTicket()]);
    }

    // 电话回访: the centre asked the reporter by phone and records the answer for them; intake counts one per round.
    async function recordFollowUp() {
      busy.value = true;
      error.value = '';
      try {
        await api(`/api/whistles/${whistle.value.id}/feedback`, { method: 'POST', body: {
          rating: followUp.rating, resolved: followUp.resolved === 'yes', comment: followUp.comment.trim() || undefined } });
        dialog.value = null;
        Object.assign(followUp, { rating: '', resolved: '', comment: '' });
      } catch (e) {
        error.value = e.message;
        return;
      } finally {
        busy.value = false;
      }
      await loadTicket();
    }

    const summon = () => act('summon', { lead: draft.lead, coUnits: draft.coUnits.filter((u) => u !== draft.lead) });

    function reasoned() {
      const text = draft.reason.trim();
      if (dialog.value === 'reject') return act('reject', { reason: text });
      if (dialog.value === 'reopen') return act('reopen', { reason: text });
      if (dialog.value === 'verifyFail') return act('verify', { pass: false, note: text });
      if (dialog.value === 'pullUp') return act('pull-up', { reason: text });
      if (dialog.value.startsWith('withdraw:')) {
        return act(`tasks/${encodeURIComponent(dialog.value.substring('withdraw:'.length))}/withdraw`, { reason: text });
      }
      return act(`extensions/${dialog.value.substring('refuse:'.length)}/refuse`, { reason: text });
    }

    function filter(state) {
      stateFilter.value = state;
      loadQueue();
    }

    // A form that opens takes the keyboard focus, so it is used without reaching for a pointer.
    watch(dialog, async (open) => {
      if (!open) return;
      await nextTick();
      document.querySelector('.dialog select, .dialog textarea, .dialog input')?.focus();
    });

    let refreshTimer = null;
    function onEvent(type, data) {
      // Every event of the centre's whistles reloads the page; only what the centre acts on goes in its feed.
      if (data.feed !== false) feed.value.unshift({ key: `${data.eventId || Date.now()}-${feed.value.length}`, type, at: data.at || new Date().toISOString(),
        title: data.title, body: data.body, urgency: data.urgency });
      feed.value.splice(50);
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(async () => {
        const before = new Set(queue.value.map((q) => q.ticketId));
        await Promise.all([loadQueue(), loadNumbers()]);
        freshWhistles.value = new Set(queue.value.filter((q) => !before.has(q.ticketId)).map((q) => q.ticketId));
        if (selectedId.value) loadTicket();
      }, 300);
    }

    async function startMap() {
      const config = await consoleConfig();
      await nextTick();
      const made = createMap(mapElement.value, config);
      hasTiles.value = made.hasTiles;
      try {
        const grids = await api(`/api/org/nodes/${encodeURIComponent(area.value)}/grids`);
        paintGrids = drawGrids(made.map, grids, {}, (name, n) => `${name}：${t('openCount', { n })}`);
        if (overview.value) paintGrids(Object.fromEntries((overview.value.openByGrid || []).map((c) => [c.key, c.count])));
      } catch (e) {
        error.value = e.message;
      }
    }

    async function reloadAll() {
      closeLive();
      try {
        centre.value = await findCentre();
      } catch (e) {
        error.value = e.message;
      }
      api(`/api/org/units?within=${encodeURIComponent(area.value)}`).then((list) => {
        list.forEach((u) => { units[u.code] = u; });
        areaUnits.value = new Set(list.map((u) => u.code));
      }).catch(() => {});
      api(`/api/org/nodes/${encodeURIComponent(area.value)}/subtree?levels=2`).then(function walk(tree) {
        nodes[tree.node.code] = tree.node;
        tree.children.forEach(walk);
      }).catch(() => {});
      await Promise.all([loadNumbers(), loadQueue()]);
      if (centre.value) {
        closeLive = liveStream(`/api/notifications/stream/centres/${encodeURIComponent(centre.value)}`, onEvent,
          (state) => { live.value = state; });
      }
    }

    onMounted(async () => {
      if (!allowed || !area.value) return;
      api('/open311/v2/services.json').then((list) => { categories.value = list; }).catch(() => {});
      await reloadAll();
      startMap();
    });
    const ticking = setInterval(() => { now.value = Date.now(); }, 1000);
    onUnmounted(() => { closeLive(); clearInterval(ticking); });

    const button = (label, onClick, props = {}) => h('button', { type: 'button', onClick, disabled: busy.value, ...props }, label);
    const cancel = () => h('button', { type: 'button', onClick: () => { dialog.value = null; } }, t('cancel'));
    const submitting = (handler) => (e) => { e.preventDefault(); handler(); };

    /** The whistles raised with the number a caller gives, in this dispatcher's area; the number goes in the body. */
    async function searchPhone() {
      error.value = '';
      try {
        phoneFound.value = await api('/api/whistles/phone-search', { method: 'POST', body: { phone: phoneSearch.value.trim() } });
      } catch (e) {
        phoneFound.value = null;
        error.value = e.message;
      }
    }
    const stat = (label, value, test, alert) => h('div', { class: ['stat', alert ? 'alert' : ''] },
      [h('span', label), h('strong', test ? { 'data-test': test } : {}, String(value))]);
    const place = (w) => [w.street && w.street.name, w.grid && w.grid.name, w.location && w.location.address]
      .filter(Boolean).join(' · ');

    const topRow = () => h('div', { class: 'row card' }, [
      h('div', field('area', t('scope'), h('select', { id: 'area', value: area.value,
        onChange: (e) => { area.value = e.target.value; reloadAll(); } },
      user.orgScope.map((code) => h('option', { key: code, value: code }, nodeName(code)))))),
      h('div', [h('span', { class: 'muted' }, t('centre')), h('div', centre.value ? unitName(centre.value) : '—')]),
      h('div', [h('span', { class: ['badge', live.value === 'open' ? '' : 'soon'], 'data-test': 'live-state' },
        live.value === 'open' ? t('liveOpen') : t('liveRetrying')),
      show(readOnly, () => h('span', { class: 'badge' }, t('readOnly')))]),
    ]);

    const stats = () => h('section', { class: 'stats', 'aria-label': t('openTickets'), 'data-test': 'stats' }, [
      stat(t('openTickets'), openTotal.value, 'open-total'),
      ...stateCounts.value.map((s) => stat(t('state.' + s.state), s.count, 'state-' + s.state)),
      ...levelCounts.value.map((l) => stat(t('level.' + l.level), l.count)),
      stat(t('overdue'), sla.value.overdue, 'overdue', true),
      stat(t('dueSoon'), sla.value.dueSoon),
      stat(t('raisedToday'), overview.value ? overview.value.raisedToday : '—', 'raised-today'),
      stat(t('closedToday'), overview.value ? overview.value.closedToday : '—'),
    ]);

    const mapCard = () => h('section', { class: 'card span-2', 'aria-labelledby': 'map-title' }, [
      h('h2', { id: 'map-title' }, t('map')),
      show(!hasTiles.value, () => h('p', { class: 'hint' }, t('mapNoTiles'))),
      h('div', { ref: mapElement, class: 'map tall', role: 'img', 'aria-label': t('map') }),
    ]);

    const feedCard = () => h('section', { class: 'card', 'aria-labelledby': 'feed-title' }, [
      h('h2', { id: 'feed-title' }, t('liveFeed')),
      h('ul', { class: 'plain feed', 'aria-live': 'polite', 'data-test': 'feed' }, feed.value.map((f) => h('li', { key: f.key }, [
        h('span', { class: 'muted' }, time(f.at)), ' ',
        h('span', { class: ['badge', f.urgency === 'URGENT' ? 'urgent' : ''] }, t('event.' + f.type)), ' ', f.title,
        show(f.body, () => h('div', { class: 'muted' }, f.body)),
      ]))),
    ]);

    const chartCard = () => {
      const summary = `${t('raisedToday')} ${overview.value ? overview.value.raisedToday : 0}，${t('closedToday')} ${
        overview.value ? overview.value.closedToday : 0}`;
      return h('section', { class: 'card bars', 'aria-labelledby': 'chart-title' }, [
        h('h2', { id: 'chart-title' }, t('todayChart')),
        h('svg', { viewBox: '0 0 300 120', role: 'img', 'aria-label': summary }, todayBars.value.map((b, i) => h('g', { key: b.label }, [
          h('text', { x: 0, y: 28 + i * 50 }, b.label),
          h('rect', { x: 90, y: 14 + i * 50, width: b.width, height: 22, fill: b.colour }),
          h('text', { x: 96 + b.width, y: 30 + i * 50 }, String(b.value)),
        ]))),
        h('h3', t('onTimeRate')),
        h('svg', { viewBox: '0 0 300 40', role: 'img', 'aria-label': `${t('onTimeRate')} ${onTimeText.value}` }, [
          h('rect', { x: 0, y: 8, width: 240, height: 22, fill: '#e3e7eb' }),
          h('rect', { x: 0, y: 8, width: 240 * (onTime.value ?? 0), height: 22, fill: '#1b5e20' }),
          h('text', { x: 246, y: 25 }, onTimeText.value),
        ]),
        h('p', { class: 'hint' }, t('onTimeHint')),
      ]);
    };

    const countTable = (id, title, rows, name, extra) => h('section', { class: 'card', 'aria-labelledby': id }, [
      h('h2', { id }, title),
      h('table', h('tbody', rows.map((c) => h('tr', { key: c.key }, [h('td', name(c.key)),
        h('td', t('openCount', { n: c.count })), extra ? h('td', extra(c)) : null])))),
    ]);

    const queueTools = () => h('div', { class: 'row', 'data-test': 'queue-tools' }, [
      h('form', { class: 'inline', role: 'search', onSubmit: submitting(loadQueue) }, [
        h('label', { for: 'number-search' }, t('searchNumber')), ' ',
        model('input', { id: 'number-search', type: 'search', maxlength: 40, 'data-test': 'number-search' }, numberSearch, 'value'),
        ' ', h('label', { for: 'text-search' }, t('searchText')), ' ',
        model('input', { id: 'text-search', type: 'search', minlength: 2, maxlength: 50, 'data-test': 'text-search' }, textSearch, 'value'),
        ' ', h('button', { type: 'submit', class: 'small' }, t('search')),
        show(numberSearch.value || textSearch.value, () => h('button', { type: 'button', class: 'small',
          onClick: () => { numberSearch.value = ''; textSearch.value = ''; loadQueue(); } }, t('clearSearch'))),
      ]),
      show(!readOnly, () => h('form', { class: 'inline', role: 'search', 'data-test': 'phone-search-form', onSubmit: submitting(searchPhone) }, [
        h('label', { for: 'phone-search' }, t('searchPhone')), ' ',
        model('input', { id: 'phone-search', type: 'search', inputmode: 'tel', autocomplete: 'off', required: true, maxlength: 32,
          'data-test': 'phone-search' }, phoneSearch, 'value'),
        ' ', h('button', { type: 'submit', class: 'small' }, t('search')),
      ])),
      h('div', field('unit-filter', t('byUnit2'), h('select', { id: 'unit-filter', value: unitFilter.value, 'data-test': 'unit-filter',
        onChange: (e) => { unitFilter.value = e.target.value; loadQueue(); } }, [h('option', { value: '' }, t('anyUnit')),
        ...[...areaUnits.value].filter((code) => units[code] && units[code].kind !== 'COMMAND_CENTRE')
          .map((code) => h('option', { key: code, value: code }, unitName(code)))]))),
      h('div', { class: 'actions' }, [
        h('a', { class: 'button small', href: exportLink('csv'), download: '', 'data-test': 'export-csv' }, t('exportCsv')),
        h('a', { class: 'button small', href: exportLink('xlsx'), download: '', 'data-test': 'export-xlsx' }, t('exportXlsx')),
      ]),
    ]);

    const phoneResults = () => show(phoneFound.value, () => h('section', { class: 'card', role: 'status', 'data-test': 'phone-results' }, [
      h('h3', t('phoneFound', { n: phoneFound.value.whistles.length })),
      phoneFound.value.whistles.length
        ? h('ul', { class: 'plain' }, phoneFound.value.whistles.map((w) => h('li', { key: w.id, 'data-test': 'phone-result' }, [
          w.ticketId
            ? h('button', { type: 'button', class: 'link', onClick: () => select(w.ticketId) }, w.ticketNumber)
            : h('strong', t('phoneNoTicket')),
          ' ', [categoryName(w.category), w.statusLabel, time(w.raisedAt), w.place, w.maskedPhone].filter(Boolean).join(' · '),
        ])))
        : h('p', { class: 'muted' }, t('phoneNone')),
      show(phoneFound.value.more, () => h('p', { class: 'hint' }, t('phoneMore'))),
      h('button', { type: 'button', class: 'small', onClick: () => { phoneFound.value = null; phoneSearch.value = ''; } }, t('clearSearch')),
    ]));

    const bulkBar = () => show(!readOnly && picked.value.size, () => h('div', { class: 'row card', 'data-test': 'bulk-bar' }, [
      h('strong', t('selectedCount', { n: picked.value.size })),
      button(t('bulk.FILE'), () => bulk('FILE'), { class: 'small', 'data-test': 'bulk-file' }),
      h('span', [h('select', { 'aria-label': t('leadUnit'), value: bulkLead.value, 'data-test': 'bulk-lead',
        onChange: (e) => { bulkLead.value = e.target.value; } }, [h('option', { value: '' }, t('leadUnit')),
        ...[...areaUnits.value].filter((code) => units[code] && units[code].active && units[code].kind !== 'COMMAND_CENTRE')
          .map((code) => h('option', { key: code, value: code }, unitName(code)))]), ' ',
      h('button', { type: 'button', class: 'small', disabled: busy.value || !bulkLead.value, 'data-test': 'bulk-summon',
        onClick: () => bulk('SUMMON') }, t('bulk.SUMMON'))]),
      button(t('bulk.CLOSE'), () => bulk('CLOSE'), { class: 'small', 'data-test': 'bulk-close' }),
    ]));

    const bulkResults = () => show(bulkAnswer.value, () => h('div', { class: 'card', role: 'status', 'data-test': 'bulk-results' }, [
      h('p', [h('strong', t('bulk.' + bulkAnswer.value.action)), ' · ',
        t('bulkDone', { done: bulkAnswer.value.done, refused: bulkAnswer.value.refused })]),
      h('ul', { class: 'plain' }, bulkAnswer.value.results.map((r) => h('li', { key: r.ticketId, class: r.done ? '' : 'warn' },
        `${r.number || t('someTicket')}：${named(r.message, unitName)}`))),
      h('button', { type: 'button', class: 'small', onClick: () => { bulkAnswer.value = null; } }, t('cancel')),
    ]));

    const queueTable = () => h('div', [
      h('div', { class: 'tabs', role: 'group', 'aria-label': t('byState') }, TABS.map((s) => h('button', { key: s || 'all',
        type: 'button', class: 'small', 'aria-pressed': String(stateFilter.value === s), 'data-test': 'tab-' + (s || 'all'),
        onClick: () => filter(s) }, s === 'ACTION' ? t('view.ACTION') : s ? t('state.' + s) : t('allStates')))),
      queueTools(),
      phoneResults(),
      bulkBar(),
      bulkResults(),
      h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'queue' }, [
        h('thead', h('tr', [
          readOnly ? null : h('th', h('input', { type: 'checkbox', 'aria-label': t('selectAll'),
            checked: queue.value.length > 0 && picked.value.size === queue.value.length,
            onChange: (e) => { picked.value = new Set(e.target.checked ? queue.value.map((q) => q.ticketId) : []); } })),
          ...[t('ticketNumber'), t('category'), t('status'), t('targetLevel'), t('raisedAt'), t('timeLeft')]
            .map((label) => h('th', label))].filter(Boolean))),
        h('tbody', shownQueue.value.length
          ? shownQueue.value.map((q) => h('tr', { key: q.ticketId, 'data-ticket': q.number,
            class: { selected: selectedId.value === q.ticketId, fresh: freshWhistles.value.has(q.ticketId) } }, [
            readOnly ? null : h('td', h('input', { type: 'checkbox', checked: picked.value.has(q.ticketId),
              'aria-label': t('selectTicket', { n: q.number }), onChange: () => togglePick(q.ticketId) })),
            h('td', [h('button', { type: 'button', class: 'link', onClick: () => select(q.ticketId) }, q.number),
              show(q.priority === 'URGENT', () => h('span', { class: 'badge urgent' }, t('priority.URGENT')))]),
            h('td', categoryName(q.category)), h('td', t('state.' + q.state)), h('td', t('level.' + q.level)),
            h('td', time(q.raisedAt)),
            h('td', { class: ['countdown', dueClass(dues[q.ticketId])], 'data-test': 'due' },
              FINISHED.includes(q.state) ? t('noClock') : dueText(dues[q.ticketId])),
          ].filter(Boolean)))
          : [h('tr', h('td', { colspan: readOnly ? 6 : 7, class: 'muted' }, t('noTickets')))]),
      ])),
    ]);

    /** 超时与临期: the page's tickets whose nearest deadline is near or past, the nearest first, counting down. */
    const overdueCard = () => h('section', { class: 'card', 'aria-labelledby': 'overdue-title', 'data-test': 'overdue-list' }, [
      h('h2', { id: 'overdue-title' }, t('overdueList')),
      h('p', { class: 'hint' }, t('overdueHint')),
      pressing.value.length
        ? h('ul', { class: 'plain' }, pressing.value.map(({ q, due }) => h('li', { key: q.ticketId, 'data-ticket': q.number }, [
          h('button', { type: 'button', class: 'link', onClick: () => select(q.ticketId) }, q.number), ' ',
          t('state.' + q.state), ' · ', t('clock.' + due.kind), due.unit ? ` · ${unitName(due.unit)}` : '', ' ',
          h('span', { class: ['countdown', dueClass(due)], role: 'timer' }, dueText(due)),
        ])))
        : h('p', { class: 'muted' }, t('noOverdue')),
    ]);

    /** 结案 asks first, and says what closing now means for the reporter's follow-up and any unit not reported in. */
    const closeForm = () => {
      const waiting = ticket.value.tasks.filter((x) => x.state === 'SUMMONED' && !x.settledAt).length;
      return h('form', { class: 'dialog', 'data-test': 'close-form', onSubmit: submitting(() => act('close', {})) }, [
        h('h4', t('closeConfirmTitle')),
        h('p', t('closeConfirm')),
        show(ticket.value.followUpOpen, () => h('p', { class: 'warn', 'data-test': 'follow-up-open' }, t('followUpStillOpen'))),
        show(waiting, () => h('p', { class: 'warn', 'data-test': 'co-units-settle' }, t('coUnitsWillSettle', { n: waiting }))),
        h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value,
          'data-test': 'confirm-close' }, t('act.close')), cancel()]),
      ]);
    };

    const summonForm = () => h('form', { class: 'dialog', 'data-test': 'summon-form', onSubmit: submitting(summon) }, [
      ...field('lead', t('leadUnit'), model('select', { id: 'lead', required: true, 'data-test': 'lead' }, draft, 'lead',
        'select', candidates.value.map((u) => h('option', { key: u.code, value: u.code }, unitName(u.code))))),
      h('fieldset', [h('legend', t('coUnits')), ...candidates.value.filter((c) => c.code !== draft.lead).map((u) =>
        h('label', { class: 'inline', key: u.code }, [model('input', { type: 'checkbox', value: u.code }, draft, 'coUnits',
          'checkbox'), ' ' + unitName(u.code)]))]),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.lead,
        'data-test': 'send-summon' }, t('act.summon')), cancel()]),
    ]);

    const transferForm = () => h('form', { class: 'dialog', onSubmit: submitting(() => act('transfer', {
      centre: draft.centre || undefined, level: draft.level || undefined, reason: draft.reason })) }, [
      ...field('centre', t('targetCentre'), model('select', { id: 'centre' }, draft, 'centre', 'select', [
        h('option', { value: '' }, '—'), ...centres.value.map((u) => h('option', { key: u.code, value: u.code }, unitName(u.code)))])),
      ...field('level', t('targetLevel'), model('select', { id: 'level' }, draft, 'level', 'select', [
        h('option', { value: '' }, '—'), ...['STREET', 'DISTRICT', 'CITY'].map((l) => h('option', { key: l, value: l }, t('level.' + l)))])),
      ...field('transfer-reason', t('reason'), model('textarea', { id: 'transfer-reason', required: true }, draft, 'reason')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.reason.trim() },
        t('act.transfer')), cancel()]),
    ]);

    const mergeForm = () => h('form', { class: 'dialog', onSubmit: submitting(() => act('merge', { into: draft.into })) }, [
      ...field('into', t('mergeInto'), model('select', { id: 'into', required: true }, draft, 'into', 'select',
        queue.value.filter((x) => x.ticketId !== ticket.value.id && !['CLOSED', 'REJECTED', 'MERGED'].includes(x.state))
          .map((q) => h('option', { key: q.ticketId, value: q.ticketId }, `${q.number} · ${categoryName(q.category)}`)))),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.into },
        t('act.merge')), cancel()]),
    ]);

    const followUpForm = () => h('form', { class: 'dialog', 'data-test': 'follow-up-form', onSubmit: submitting(recordFollowUp) }, [
      h('p', { class: 'hint' }, t('followUpHint')),
      ...field('follow-up-rating', t('rating'), model('select', { id: 'follow-up-rating', required: true }, followUp, 'rating',
        'select', [h('option', { value: '' }, '—'), ...['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']
          .map((r) => h('option', { key: r, value: r }, t('rating.' + r)))])),
      ...field('follow-up-resolved', t('resolvedQuestion'), model('select', { id: 'follow-up-resolved', required: true },
        followUp, 'resolved', 'select', [h('option', { value: '' }, '—'), h('option', { value: 'yes' }, t('yes')),
          h('option', { value: 'no' }, t('no'))])),
      ...field('follow-up-comment', t('comment'), model('textarea', { id: 'follow-up-comment', maxlength: 1000 }, followUp,
        'comment')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', 'data-test': 'send-follow-up',
        disabled: busy.value || !followUp.rating || !followUp.resolved }, t('act.followUp')), cancel()]),
    ]);

    /** 督办 or 催办: a reason and the new deadline, typed in Beijing time. */
    const superviseForm = () => h('form', { class: 'dialog', 'data-test': 'supervise-form', onSubmit: submitting(() =>
      act(dialog.value, { reason: draft.reason.trim(), dueBy: `${draft.dueBy}:00+08:00` })) }, [
      ...field('due-by', t('dueBy'), model('input', { id: 'due-by', type: 'datetime-local', required: true }, draft, 'dueBy')),
      ...field('supervise-reason', t('reason'), model('textarea', { id: 'supervise-reason', required: true, maxlength: 500 },
        draft, 'reason')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary',
        disabled: busy.value || !draft.reason.trim() || !draft.dueBy }, t('confirm')), cancel()]),
    ]);

    const handDownForm = () => h('form', { class: 'dialog', onSubmit: submitting(() =>
      act('hand-down', { level: draft.level, reason: draft.reason.trim() })) }, [
      ...field('down-level', t('targetLevel'), model('select', { id: 'down-level', required: true }, draft, 'level', 'select',
        LEVELS.slice(0, LEVELS.indexOf(ticket.value.level)).map((l) => h('option', { key: l, value: l }, t('level.' + l))))),
      ...field('down-reason', t('reason'), model('textarea', { id: 'down-reason', required: true, maxlength: 500 }, draft, 'reason')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary',
        disabled: busy.value || !draft.level || !draft.reason.trim() }, t('act.handDown')), cancel()]),
    ]);

    const leadForm = () => h('form', { class: 'dialog', onSubmit: submitting(() =>
      act('lead', { lead: draft.lead, reason: draft.reason.trim() })) }, [
      ...field('new-lead', t('leadUnit'), model('select', { id: 'new-lead', required: true }, draft, 'lead', 'select',
        ticket.value.tasks.filter((x) => !x.lead && x.state !== 'DECLINED')
          .map((x) => h('option', { key: x.unit, value: x.unit }, unitName(x.unit))))),
      ...field('lead-reason', t('reason'), model('textarea', { id: 'lead-reason', required: true, maxlength: 500 }, draft, 'reason')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary',
        disabled: busy.value || !draft.lead || !draft.reason.trim() }, t('act.lead')), cancel()]),
    ]);

    /** 核查通过 with the inspector's note and photos. */
    async function verifyWithPhotos() {
      busy.value = true;
      let evidence;
      try {
        evidence = await uploadHandlingEvidence(ticket.value.whistleId, draft.files);
      } catch (e) {
        error.value = e.message;
        return;
      } finally {
        busy.value = false;
      }
      await act('verify', { pass: true, note: draft.reason.trim() || undefined, evidence });
    }

    const verifyForm = () => h('form', { class: 'dialog', onSubmit: submitting(verifyWithPhotos) }, [
      ...field('verify-note', t('note'), model('textarea', { id: 'verify-note', maxlength: 500 }, draft, 'reason')),
      h('label', { for: 'verify-files' }, t('inspectionPhotos')),
      h('input', { id: 'verify-files', type: 'file', accept: 'image/*', multiple: true,
        onChange: (event) => { draft.files = [...event.target.files]; } }),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value },
        t('act.verifyPass')), cancel()]),
    ]);

    const reasonForm = () => h('form', { class: 'dialog', onSubmit: submitting(reasoned) }, [
      ...field('reason', dialog.value === 'verifyFail' ? t('note') : t('reason'), model('textarea', { id: 'reason',
        required: true, maxlength: 500 }, draft, 'reason')),
      h('div', { class: 'actions' }, [h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.reason.trim() },
        t('confirm')), cancel()]),
    ]);

    const detail = () => {
      const k = ticket.value;
      const w = whistle.value;
      const d = dialog.value || '';
      return h('div', { class: 'card', 'aria-labelledby': 'detail-title', 'data-test': 'ticket-detail' }, [
        h('h3', { id: 'detail-title' }, [`${k.number} · `, h('span', { 'data-test': 'ticket-state' }, t('state.' + k.state)),
          ` · ${t('level.' + k.level)}`]),
        show(!k.chainIntact, () => h('p', { class: 'error' }, t('chainBroken', { p: k.chainProblem }))),
        show(w, () => [
          h('p', w.description),
          h('p', { class: 'muted' }, [categoryName(k.category), place(w), w.reporter && w.reporter.maskedPhone]
            .filter(Boolean).join(' · ')),
        ]),
        // 核查: the unit's result photos beside the reporter's, so the two are compared at a glance.
        show(photos.value.length || resultPhotos.value.length, () => h('div', { class: 'compare', 'data-test': 'photo-compare' }, [
          h('div', [h('h3', t('photos')), h('div', { class: 'thumbs' }, photos.value.map((p) => h('figure', { key: p.mediaId },
            h('img', { src: p.url, alt: t('photos') }))))]),
          h('div', [h('h3', t('resultPhotos')), h('div', { class: 'thumbs', 'data-test': 'result-photos' },
            resultPhotos.value.map((p) => h('figure', { key: p.mediaId }, h('img', { src: p.url, alt: t('resultPhotos') }))))]),
        ])),
        show(k.supervisionOrderCount, () => h('p', { class: 'warn' }, t('supervisionCount', { n: k.supervisionOrderCount }))),
        h('h3', t('clocks')),
        h('ul', { class: 'plain', 'data-test': 'clocks' }, clocks.value.map((c) => h('li', { key: c.clockId }, [t('clock.' + c.kind),
          c.unitId ? unitName(c.unitId) : null, t('clockState.' + c.state), ...clockDetails(c, unitName)]
          .filter(Boolean).join(' · ')))),
        h('h3', t('tasks')),
        h('ul', { class: 'plain' }, k.tasks.map((task) => h('li', { key: task.unit }, [
          unitName(task.unit), ' ', show(task.lead, () => h('span', { class: 'badge' }, t('lead'))),
          ` · ${task.settledAt ? t('settled') : t('task.' + task.state)}`,
          show(!readOnly && owning() && can('withdraw') && !task.lead && !['DONE', 'DECLINED'].includes(task.state), () =>
            button(t('act.withdraw'), () => openDialog('withdraw:' + task.unit), { class: 'small' })),
          ...task.extensions.filter((x) => x.status === 'PENDING').map((x) => h('div', { key: x.requestId, class: 'warn' }, [
            `${t('extensionRequests')}：${t('clock.' + x.clock)} +${plainSpan(x.extraTime)} · ${x.reason}`,
            show(!readOnly, () => h('div', { class: 'actions' }, [
              button(t('act.approve'), () => act(`extensions/${x.requestId}/approve`), { class: 'small' }),
              button(t('act.refuse'), () => openDialog('refuse:' + x.requestId), { class: 'small' })])),
          ])),
        ]))),
        show(proposal.value, () => [
          h('h3', t('proposal')),
          h('p', { 'data-test': 'proposal' }, `${t('leadUnit')}：${unitName(proposal.value.lead)}` + (proposal.value.coUnits.length
            ? `；${t('coUnits')}：${proposal.value.coUnits.map(unitName).join('、')}` : '')),
          h('p', { class: 'hint' }, `${t('proposalWhy')}：${proposal.value.why}`),
        ]),
        show(!readOnly, () => h('div', { class: 'actions', 'data-test': 'actions' }, [
          can('file') && button(t('act.file'), () => act('file'), { class: 'primary', 'data-test': 'act-file' }),
          can('reject') && button(t('act.reject'), () => openDialog('reject')),
          can('merge') && button(t('act.merge'), () => openDialog('merge')),
          can('summon') && button(t('act.summon'), () => openDialog('summon'), { class: 'primary', 'data-test': 'act-summon' }),
          can('transfer') && button(t('act.transfer'), () => openDialog('transfer')),
          can('verify') && button(t('act.verifyPass'), () => act('verify', { pass: true }), { class: 'primary', 'data-test': 'act-verify' }),
          can('verify') && button(t('act.verifyWithPhotos'), () => openDialog('verifyPass')),
          can('verify') && button(t('act.verifyFail'), () => openDialog('verifyFail')),
          can('close') && button(t('act.close'), () => openDialog('close'), { class: 'primary', 'data-test': 'act-close' }),
          can('reopen') && button(t('act.reopen'), () => openDialog('reopen')),
          w && w.canRecordFollowUp && button(t('act.followUp'), () => openDialog('followUp'), { 'data-test': 'act-follow-up' }),
          can('lead') && owning() && button(t('act.lead'), () => openDialog('lead')),
          can('handDown') && owning() && ticket.value.level !== 'STREET' && button(t('act.handDown'), () => openDialog('handDown')),
        ].filter(Boolean))),
        show(!readOnly && fromAbove(false) && can('supervise'), () => h('div', { class: 'actions', 'data-test': 'actions-above' }, [
          button(t('act.supervise'), () => openDialog('supervise'), { 'data-test': 'act-supervise' }),
          button(t('act.remind'), () => openDialog('remind')),
          fromAbove(true) && can('pullUp') && button(t('act.pullUp'), () => openDialog('pullUp')),
        ].filter(Boolean))),
        show(['supervise', 'remind'].includes(d), superviseForm),
        show(d === 'handDown', handDownForm),
        show(d === 'lead', leadForm),
        show(d === 'verifyPass', verifyForm),
        show(d === 'summon', summonForm),
        show(d === 'transfer', transferForm),
        show(d === 'merge', mergeForm),
        show(d === 'followUp', followUpForm),
        show(d === 'close', closeForm),
        show(['reject', 'reopen', 'verifyFail', 'pullUp'].includes(d) || d.startsWith('refuse:') || d.startsWith('withdraw:'),
          reasonForm),
        h('h3', t('timeline')),
        h('ol', { class: 'timeline' }, [...k.timeline].reverse().map((e) => h('li', { key: e.sequence }, [
          h('strong', t('action.' + e.action)), ' ', h('span', { class: 'muted' }, time(e.at)),
          e.unit ? ` · ${unitName(e.unit)}` : '', ` → ${t('state.' + e.stateAfter)}`,
          show(e.note, () => h('div', named(e.note, unitName))),
          show(e.evidence && e.evidence.length, () => h('div', { class: 'muted' }, t('photoCount', { n: e.evidence.length }))),
        ]))),
      ]);
    };

    const hotline = hotlineDesk(categories, categoryName, () => Promise.all([loadQueue(), loadNumbers()]));
    const tile = allowed ? evaluationTile(user?.orgScope?.[0]) : () => null;

    return () => {
      if (!allowed) return refusal(user);
      return [
        topRow(),
        h('div', { 'aria-live': 'polite' }, show(error.value, () => h('p', { class: 'error', role: 'alert' }, error.value))),
        stats(),
        h('p'),
        h('div', { class: 'dash' }, [
          tile(),
          mapCard(),
          feedCard(),
          chartCard(),
          countTable('street-title', t('byStreet'), overview.value ? overview.value.openByStreet : [],
            (key) => (key === '-' ? t('none') : nodeName(key))),
          countTable('unit-title', t('byUnit'), overview.value ? overview.value.openTasksByUnit : [], unitName,
            (c) => show(slaByUnit.value[c.key] && slaByUnit.value[c.key].overdue, () => h('span', { class: 'badge late' },
              `${t('overdue')} ${slaByUnit.value[c.key].overdue}`))),
          overdueCard(),
          h('section', { class: 'card span-3', 'aria-labelledby': 'queue-title' }, [
            h('h2', { id: 'queue-title', tabindex: -1 }, t('queue')),
            h('div', { class: 'queue-layout' }, [queueTable(), show(ticket.value, detail)]),
          ]),
          show(!readOnly, hotline),
        ]),
      ];
    };
}, { wide: true });
