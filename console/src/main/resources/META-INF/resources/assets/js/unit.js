// 部门工作台: the unit's summons, urgent first and then by the time left on the nearest clock (counting down live);
// report in, on site, progress with photos, done with evidence, decline, request an extension.
import { computed, nextTick, onMounted, onUnmounted, reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js';
import { api, live as liveStream, login, mediaUrl, uploadHandlingEvidence } from './api.js';
import { locale, t } from './i18n.js';
import { hasAny, PAGE_ROLES, startPage } from './shell.js';

/** The unit's own clocks that a countdown shows, most pressing first. */
const UNIT_CLOCKS = ['REPORT_IN', 'RESOLVE', 'CONTACT_REPORTER'];

startPage('unit', {
  setup({ user }) {
    const allowed = hasAny(user, PAGE_ROLES.unit) && !!user?.unit;
    const unit = user?.unit;
    const items = ref([]);
    const unitRecord = ref(null);
    const categories = ref([]);
    const now = ref(Date.now());
    const loading = ref(false);
    const error = ref('');
    const live = ref('retrying');
    const selected = ref(null);
    const ticket = ref(null);
    const whistle = ref(null);
    const photos = ref([]);
    const clocks = ref([]);
    const dialog = ref(null);
    const busy = ref(false);
    const message = ref('');
    const draft = reactive({ note: '', reason: '', files: [], clock: 'RESOLVE', hours: 24 });

    const unitName = computed(() => (unitRecord.value ? ((locale.lang === 'en' && unitRecord.value.nameEn) || unitRecord.value.name) : unit));
    const task = computed(() => ticket.value?.tasks.find((k) => k.unit === unit));
    const canWork = computed(() => task.value && ['REPORTED_IN', 'ON_SITE'].includes(task.value.state));
    const sorted = computed(() => [...items.value].sort((a, b) => {
      const urgent = (b.priority === 'URGENT') - (a.priority === 'URGENT');
      if (urgent) return urgent;
      const left = (x) => (x.due ? x.due.at : Number.MAX_SAFE_INTEGER);
      return left(a) - left(b) || a.summonedAt.localeCompare(b.summonedAt);
    }));
    const categoryName = (code) => {
      const c = categories.value.find((s) => s.service_code === code);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : code;
    };

    /** The nearest running clock of this unit on a ticket (sla-service), or none when it cannot be read. */
    async function due(ticketId) {
      try {
        const sheet = await api(`/api/sla/tickets/${ticketId}`);
        const mine = sheet.clocks.filter((c) => c.state === 'RUNNING' || c.state === 'EXPIRED')
          .filter((c) => UNIT_CLOCKS.includes(c.kind) && (c.unitId === unit || (c.unitId == null && c.kind !== 'REPORT_IN')))
          .map((c) => ({ kind: c.kind, at: Date.parse(c.dueAt) }))
          .sort((a, b) => a.at - b.at);
        return mine[0] || null;
      } catch {
        return null;
      }
    }

    async function load() {
      if (!allowed) return;
      loading.value = true;
      try {
        const queue = await api(`/api/queues/units/${encodeURIComponent(unit)}`);
        const withDue = await Promise.all(queue.map(async (item) => ({ ...item, due: await due(item.ticketId) })));
        items.value = withDue;
        error.value = '';
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    async function open(item) {
      selected.value = item;
      dialog.value = null;
      message.value = '';
      await loadDetail();
    }

    async function loadDetail() {
      if (!selected.value) return;
      const id = selected.value.ticketId;
      ticket.value = await api(`/api/tickets/${id}`);
      api(`/api/sla/tickets/${id}`).then((s) => { clocks.value = s.clocks; }).catch(() => { clocks.value = []; });
      try {
        whistle.value = await api(`/api/whistles/${ticket.value.whistleId}`);
        photos.value = await Promise.all((whistle.value.evidence || []).filter((p) => p.contentType.startsWith('image/'))
          .map(async (p) => ({ ...p, url: await mediaUrl(`/api/whistles/${whistle.value.id}/evidence/${p.mediaId}`) })));
      } catch {
        whistle.value = null;
        photos.value = [];
      }
    }

    async function run(path, body) {
      busy.value = true;
      error.value = '';
      message.value = '';
      try {
        ticket.value = await api(`/api/tickets/${selected.value.ticketId}/tasks/${encodeURIComponent(unit)}/${path}`,
          { method: 'POST', body });
        message.value = t('done');
        dialog.value = null;
        Object.assign(draft, { note: '', reason: '', files: [] });
        await load();
        return true;
      } catch (e) {
        error.value = e.message;
        return false;
      } finally {
        busy.value = false;
      }
    }

    const act = (path) => run(path, undefined);

    function pick(event) {
      draft.files = [...event.target.files];
    }

    async function report() {
      busy.value = true;
      let evidence;
      try {
        evidence = await uploadHandlingEvidence(ticket.value.whistleId, draft.files);
      } catch (e) {
        error.value = e.message;
        busy.value = false;
        return;
      }
      await run(dialog.value, { note: draft.note.trim() || undefined, evidence });
    }

    const decline = () => run('decline', { reason: draft.reason.trim() });
    const requestExtension = () => run('extension-requests', { clock: draft.clock, extraTime: `PT${draft.hours}H`,
      reason: draft.reason.trim() });

    // A form that opens takes the keyboard focus, so it is used without reaching for a pointer.
    watch(dialog, async (open) => {
      if (!open) return;
      await nextTick();
      document.querySelector('.dialog select, .dialog textarea, .dialog input')?.focus();
    });

    let timer;
    let closeLive = () => {};
    onMounted(async () => {
      if (!allowed) return;
      timer = setInterval(() => { now.value = Date.now(); }, 1000);
      api('/open311/v2/services.json').then((list) => { categories.value = list; }).catch(() => {});
      api(`/api/org/units/${encodeURIComponent(unit)}`).then((u) => { unitRecord.value = u; }).catch(() => {});
      closeLive = liveStream('/api/notifications/stream', () => {
        load();
        if (selected.value) loadDetail();
      }, (state) => { live.value = state; });
      await load();
    });
    onUnmounted(() => {
      clearInterval(timer);
      closeLive();
    });

    return { allowed, items, sorted, unitName, categoryName, now, loading, error, live, selected, ticket, whistle,
      photos, clocks, task, canWork, dialog, busy, message, draft, open, act, pick, report, decline,
      requestExtension, signIn: login };
  },
});
