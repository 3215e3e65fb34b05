// 指挥中心: the dashboard of a street, district or city command centre, by the signed-in dispatcher's scope. Every
// number comes from a service: dispatch's overview and queue, sla-service's clocks, org-registry's grids and names,
// notification-service's live stream.
import { computed, nextTick, onMounted, onUnmounted, reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js';
import { api, consoleConfig, live as liveStream, login, mediaUrl } from './api.js';
import { locale, t } from './i18n.js';
import { createMap, drawGrids } from './map.js';
import { hasAny, PAGE_ROLES, startPage } from './shell.js';

const OPEN_STATES = ['RAISED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'VERIFIED'];
const TABS = ['', 'RAISED', 'FILED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'CLOSED'];
const LEVEL_OF_ROLE = { STREET_DISPATCHER: 'STREET', DISTRICT_DISPATCHER: 'DISTRICT', CITY_DISPATCHER: 'CITY' };
/** The ticket states each command-centre action is offered in (dispatch's transition table decides again). */
const ACTIONS = {
  file: ['RAISED'], reject: ['RAISED'], merge: ['RAISED'], summon: ['FILED', 'RETURNED', 'DISPATCHED', 'IN_PROGRESS'],
  transfer: ['RAISED', 'FILED', 'RETURNED'], verify: ['RESOLVED'], close: ['VERIFIED'],
  reopen: ['RESOLVED', 'VERIFIED', 'CLOSED'],
};

startPage('command', {
  setup({ user }) {
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
    const stateFilter = ref('');
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
    const clocks = ref([]);
    const proposal = ref(null);
    const candidates = ref([]);
    const centres = ref([]);
    const dialog = ref(null);
    const busy = ref(false);
    const draft = reactive({ reason: '', lead: '', coUnits: [], centre: '', level: '', into: '' });
    let paintGrids = null;
    let closeLive = () => {};

    const unitName = (code) => {
      const u = units[code];
      if (!u) {
        if (code && !(code in units)) lookUpUnit(code);
        return code;
      }
      return (locale.lang === 'en' && u.nameEn) || u.name;
    };
    const nodeName = (code) => {
      const n = nodes[code];
      if (!n) {
        if (code && !(code in nodes)) lookUpNode(code);
        return code;
      }
      return (locale.lang === 'en' && n.nameEn) || n.name;
    };
    const categoryName = (code) => {
      const c = categories.value.find((s) => s.service_code === code);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : code;
    };

    async function lookUpUnit(code) {
      units[code] = null;
      try { units[code] = await api(`/api/org/units/${encodeURIComponent(code)}`); } catch { /* the code stays */ }
    }
    async function lookUpNode(code) {
      nodes[code] = null;
      try { nodes[code] = await api(`/api/org/nodes/${encodeURIComponent(code)}`); } catch { /* the code stays */ }
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
      const query = new URLSearchParams({ size: '50', sort: 'raisedAt,desc' });
      if (stateFilter.value) query.set('state', stateFilter.value);
      try {
        queue.value = (await api(`/api/queues/centres/${encodeURIComponent(centre.value)}?${query}`)).items;
      } catch (e) {
        error.value = e.message;
      }
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
    }

    async function openDialog(name) {
      dialog.value = name;
      Object.assign(draft, { reason: '', coUnits: [], centre: '', level: '', into: '' });
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
        await Promise.all([loadQueue(), loadNumbers()]);
        await loadTicket();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    const summon = () => act('summon', { lead: draft.lead, coUnits: draft.coUnits.filter((u) => u !== draft.lead) });

    function reasoned() {
      const text = draft.reason.trim();
      if (dialog.value === 'reject') return act('reject', { reason: text });
      if (dialog.value === 'reopen') return act('reopen', { reason: text });
      if (dialog.value === 'verifyFail') return act('verify', { pass: false, note: text });
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
      feed.value.unshift({ key: `${data.deliveryId || Date.now()}-${feed.value.length}`, type, at: data.at || new Date().toISOString(),
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
    onUnmounted(() => closeLive());

    return { allowed, readOnly, area, centre, overview, sla, slaByUnit, onTime, onTimeText, todayBars, openTotal,
      stateCounts, levelCounts, queue, tabs: TABS, stateFilter, feed, freshWhistles, live, error, mapElement,
      hasTiles, selectedId, ticket, whistle, photos, clocks, proposal, candidates, centres, dialog, busy, draft,
      unitName, nodeName, categoryName, can, select, openDialog, act, summon, reasoned, filter, reloadAll,
      signIn: login };
  },
});
