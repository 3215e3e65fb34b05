// 部门工作台: the unit's summons, urgent first and then by the time left on the nearest clock (counting down live,
// amber before the deadline); the task opens where it is tapped with the address, a map, a navigation link and the
// reporter's phone as the caller may see it; report in, on site, 先行联系, progress with photos (previewed before they
// are sent), done with evidence, decline, request an extension; the clocks are read again after each action.
import { computed, nextTick, onMounted, onUnmounted, reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, consoleConfig, live as liveStream, mediaUrl, uploadHandlingEvidence } from './api.js';
import { field, h, model, show } from './dom.js';
import { clockDetails, locale, span, t, time } from './i18n.js';
import { createMap } from './map.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

/** The unit's own clocks that a countdown shows, most pressing first. */
const UNIT_CLOCKS = ['REPORT_IN', 'RESOLVE', 'CONTACT_REPORTER'];
/** A countdown turns amber this long before its deadline. */
const AMBER_MS = 2 * 3600 * 1000;
/** The ticket states and the task's states in which dispatch takes 先行联系 (its transition table decides again). */
const CONTACT_STATES = ['IN_PROGRESS'];

startPage('unit', ({ user }) => {
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
    const previews = ref([]);
    const mapElement = ref(null);
    let placeMap = null;

    // The unit's name, never its code: "本单位" until (or unless) its record is read.
    const unitName = computed(() => (unitRecord.value ? ((locale.lang === 'en' && unitRecord.value.nameEn) || unitRecord.value.name) : t('unitLabel')));
    /** Names of other units (the centre that approved an extension), looked up once; empty until known. */
    const otherUnits = reactive({});
    const anyUnitName = (code) => {
      if (code === unit) return unitName.value;
      const u = otherUnits[code];
      if (!u && !(code in otherUnits)) {
        otherUnits[code] = null;
        api(`/api/org/units/${encodeURIComponent(code)}`).then((r) => { otherUnits[code] = r; }).catch(() => {});
      }
      return u ? ((locale.lang === 'en' && u.nameEn) || u.name) : '';
    };
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
      if (selected.value?.ticketId === item.ticketId) {
        selected.value = null;
        return;
      }
      selected.value = item;
      dialog.value = null;
      message.value = '';
      whistle.value = null;
      clearPreviews();
      await loadDetail();
      await nextTick();
      document.querySelector(`[data-ticket="${item.number}"] [data-test=task-detail]`)?.scrollIntoView({ block: 'start' });
    }

    /** The place on a small map under the address, once the whistle is read (WGS-84, shifted by the map if need be). */
    async function showPlace() {
      const where = whistle.value?.location;
      if (placeMap) {
        placeMap.remove();
        placeMap = null;
      }
      if (!where || where.lat == null || !mapElement.value || !window.L) return;
      const made = createMap(mapElement.value, await consoleConfig());
      placeMap = made.map;
      placeMap.setView([where.lat, where.lng], 16);
      window.L.circleMarker([where.lat, where.lng], { radius: 9, color: '#b71c1c', weight: 3 }).addTo(placeMap);
    }

    // The map is drawn whenever its element appears: the whistle read, or the task moved below the queue when done.
    watch(mapElement, (element) => { if (element) showPlace(); }, { flush: 'post' });

    /** A link that opens the phone's map app with a route to the place (Gaode's URI API, told the point is WGS-84). */
    const navigation = (where) => `https://uri.amap.com/navigation?${new URLSearchParams({
      to: `${where.lng},${where.lat},${where.address || ''}`, mode: 'car', coordinate: 'wgs84', callnative: '1' })}`;

    function clearPreviews() {
      previews.value.forEach((p) => URL.revokeObjectURL(p.url));
      previews.value = [];
    }

    /** The open ticket's clocks of this unit (and the ticket's own), as sla-service has them now. */
    function loadClocks() {
      const id = selected.value?.ticketId;
      if (!id) return Promise.resolve();
      return api(`/api/sla/tickets/${id}`).then((s) => { clocks.value = s.clocks.filter((c) => !c.unitId || c.unitId === unit); })
        .catch(() => { clocks.value = []; });
    }

    async function loadDetail() {
      if (!selected.value) return;
      const id = selected.value.ticketId;
      ticket.value = await api(`/api/tickets/${id}`);
      loadClocks();
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
        clearPreviews();
      } catch (e) {
        error.value = e.message;
        return;
      } finally {
        busy.value = false;
      }
      // The clocks this action stopped or started, and the queue's countdowns, as sla-service now has them.
      await Promise.all([load(), loadClocks()]);
    }

    const act = (path) => run(path, undefined);

    function pick(event) {
      draft.files = [...event.target.files];
      clearPreviews();
      previews.value = draft.files.map((file) => ({ name: file.name, image: file.type.startsWith('image/'),
        url: URL.createObjectURL(file) }));
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
      clearPreviews();
    });

    const buttons = (list) => h('div', { class: 'actions' }, list.filter(Boolean));
    const cancel = () => h('button', { type: 'button', onClick: () => { dialog.value = null; } }, t('cancel'));
    const submitting = (handler) => (e) => { e.preventDefault(); handler(); };

    const queueItem = (item) => h('li', { key: item.ticketId, 'data-ticket': item.number }, [h('div', { class: 'row' }, [
      h('div', [
        h('strong', item.number),
        show(item.priority === 'URGENT', () => h('span', { class: 'badge urgent' }, t('priority.URGENT'))),
        h('span', { class: 'badge' }, t('task.' + item.taskState)),
        show(item.lead, () => h('span', { class: 'badge' }, t('lead'))),
        h('div', { class: 'muted' }, `${categoryName(item.category)} · ${t('summonedAt')} ${time(item.summonedAt)}`),
      ]),
      h('div', show(item.due, () => {
        const left = item.due.at - now.value;
        return [h('span', { class: 'muted' }, `${t('clock.' + item.due.kind)} ${t('countdown')}`),
          h('div', { class: ['countdown', left < 0 ? 'late' : (left < AMBER_MS ? 'soon' : '')], role: 'timer',
            'data-test': 'countdown' }, left < 0 ? t('overdueBy', { t: span(-left) })
            : (left < AMBER_MS ? `${span(left)} · ${t('unit.dueSoonHint')}` : span(left)))];
      })),
      h('div', h('button', { type: 'button', class: 'small', onClick: () => open(item), 'data-test': 'open-task',
        'aria-expanded': String(selected.value?.ticketId === item.ticketId) }, t('detail'))),
    ]), show(selected.value?.ticketId === item.ticketId, detail)]);

    const reportForm = () => h('form', { class: 'dialog', 'data-test': 'report-form', onSubmit: submitting(report) }, [
      ...field('report-note', dialog.value === 'done' ? t('resultNote') : t('note'), model('textarea', { id: 'report-note',
        maxlength: 2000, required: dialog.value === 'progress', 'data-test': 'report-note' }, draft, 'note')),
      h('label', { for: 'report-files' }, t('resultPhotos2') + (dialog.value === 'done' ? ' *' : '')),
      h('input', { id: 'report-files', type: 'file', accept: 'image/*,video/*', capture: 'environment', multiple: true,
        onChange: pick, 'data-test': 'report-files' }),
      show(previews.value.length, () => [h('p', { class: 'hint' }, t('unit.previews')),
        h('div', { class: 'thumbs', 'data-test': 'previews' }, previews.value.map((p) => h('figure', { key: p.url }, [
          p.image ? h('img', { src: p.url, alt: p.name }) : h('video', { src: p.url, muted: true }),
          h('figcaption', p.name)])))]),
      show(dialog.value === 'done', () => h('p', { class: 'hint' }, t('evidenceRequired'))),
      buttons([h('button', { type: 'submit', class: 'primary', 'data-test': 'send-report',
        disabled: busy.value || (dialog.value === 'done' && !draft.files.length) }, t('save')), cancel()]),
    ]);

    const declineForm = () => h('form', { class: 'dialog', onSubmit: submitting(decline) }, [
      ...field('decline-reason', t('reason'), model('textarea', { id: 'decline-reason', required: true, maxlength: 500 },
        draft, 'reason')),
      buttons([h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.reason.trim() },
        t('act.decline')), cancel()]),
    ]);

    const extensionForm = () => h('form', { class: 'dialog', onSubmit: submitting(requestExtension) }, [
      ...field('ext-clock', t('clock'), model('select', { id: 'ext-clock' }, draft, 'clock', 'select', [
        h('option', { value: 'RESOLVE' }, t('clock.RESOLVE')),
        h('option', { value: 'CONTACT_REPORTER' }, t('clock.CONTACT_REPORTER'))])),
      ...field('ext-hours', t('extraHours'), model('input', { id: 'ext-hours', type: 'number', min: 1, max: 168,
        required: true }, draft, 'hours', 'number')),
      ...field('ext-reason', t('reason'), model('textarea', { id: 'ext-reason', required: true, maxlength: 500 },
        draft, 'reason')),
      buttons([h('button', { type: 'submit', class: 'primary', disabled: busy.value || !draft.reason.trim() },
        t('act.extension')), cancel()]),
    ]);

    const contactForm = () => h('form', { class: 'dialog', 'data-test': 'contact-form',
      onSubmit: submitting(() => run('contacted-reporter', draft.note.trim() ? { note: draft.note.trim() } : undefined)) }, [
      ...field('contact-note', t('unit.contactedNote'), model('textarea', { id: 'contact-note', maxlength: 500 }, draft, 'note')),
      buttons([h('button', { type: 'submit', class: 'primary', disabled: busy.value, 'data-test': 'send-contacted' },
        t('act.contacted')), cancel()]),
    ]);

    /** Where to go and whom to call: the address, the map, a route, and the reporter's phone as this caller may see it. */
    const place = (w) => {
      const where = w.location || {};
      const reporter = w.reporter || {};
      return [
        h('p', [h('strong', t('unit.address') + '：'), [w.street && w.street.name, w.grid && w.grid.name, where.address]
          .filter(Boolean).join(' · ')]),
        show(where.lat != null, () => h('div', { ref: mapElement, class: 'map', role: 'img', 'aria-label': t('map'),
          'data-test': 'task-map' })),
        h('div', { class: 'field-links' }, [
          where.lat != null && h('a', { class: 'button', href: navigation(where), target: '_blank', rel: 'noopener',
            'data-test': 'navigate' }, t('unit.navigate')),
          reporter.phone && h('a', { class: 'button primary', href: `tel:${reporter.phone}`, 'data-test': 'call' },
            t('unit.call', { phone: reporter.phone })),
        ].filter(Boolean)),
        h('p', { class: 'muted', 'data-test': 'reporter-phone' }, `${t('unit.reporter')}：${reporter.phone
          ? reporter.phone : (reporter.maskedPhone ? `${reporter.maskedPhone}（${t('unit.noCall')}）` : t('unit.noPhone'))}`),
      ];
    };

    const detail = () => {
      const w = whistle.value;
      const k = task.value;
      return h('section', { class: 'card', 'aria-labelledby': 'detail-title', 'data-test': 'task-detail' }, [
        h('h2', { id: 'detail-title' }, `${selected.value.number} · ${t('state.' + (ticket.value ? ticket.value.state
          : selected.value.ticketState))}`),
        show(w, () => [
          h('p', w.description),
          ...place(w),
          h('div', { class: 'thumbs' }, photos.value.map((p) => h('figure', { key: p.mediaId },
            h('img', { src: p.url, alt: t('photos') })))),
        ]),
        show(k, () => [
          h('p', [t('unitLabel') + '：', h('span', { class: 'badge', 'data-test': 'task-state' }, t('task.' + k.state))]),
          buttons([
            k.state === 'SUMMONED' && h('button', { type: 'button', class: 'primary', onClick: () => act('report-in'),
              disabled: busy.value, 'data-test': 'report-in' }, t('act.reportIn')),
            k.state === 'REPORTED_IN' && h('button', { type: 'button', onClick: () => act('on-site'), disabled: busy.value,
              'data-test': 'on-site' }, t('act.onSite')),
            canWork.value && CONTACT_STATES.includes(ticket.value.state) && h('button', { type: 'button',
              onClick: () => { dialog.value = 'contact'; }, disabled: busy.value, 'data-test': 'open-contacted' },
            t('act.contacted')),
            canWork.value && h('button', { type: 'button', onClick: () => { dialog.value = 'progress'; },
              disabled: busy.value }, t('act.progress')),
            canWork.value && h('button', { type: 'button', class: 'primary', onClick: () => { dialog.value = 'done'; },
              disabled: busy.value, 'data-test': 'open-done' }, t('act.done')),
            canWork.value && h('button', { type: 'button', onClick: () => { dialog.value = 'extension'; },
              disabled: busy.value }, t('act.extension')),
            k.state === 'SUMMONED' && h('button', { type: 'button', onClick: () => { dialog.value = 'decline'; },
              disabled: busy.value }, t('act.decline')),
          ]),
          show(dialog.value === 'progress' || dialog.value === 'done', reportForm),
          show(dialog.value === 'decline', declineForm),
          show(dialog.value === 'contact', contactForm),
          show(dialog.value === 'extension', extensionForm),
          show(message.value, () => h('p', { class: 'ok', role: 'status' }, message.value)),
        ]),
        h('h3', t('clocks')),
        h('ul', { class: 'plain', 'data-test': 'clocks' }, clocks.value.map((c) => h('li', { key: c.clockId },
          [t('clock.' + c.kind), t('clockState.' + c.state), ...clockDetails(c, anyUnitName)]
            .join(' · ')))),
      ]);
    };

    return () => {
      if (!allowed) return refusal(user);
      return h('div', [
        h('section', { class: 'card', 'aria-labelledby': 'queue-title' }, [
          h('h2', { id: 'queue-title' }, [`${t('myQueue')} · ${unitName.value} `,
            h('span', { class: ['badge', live.value === 'open' ? '' : 'soon'] },
              live.value === 'open' ? t('liveOpen') : t('liveRetrying'))]),
          h('div', { 'aria-live': 'polite' }, show(error.value, () => h('p', { class: 'error', role: 'alert' }, error.value))),
          show(!items.value.length, () => h('p', { class: 'muted' }, loading.value ? t('loading') : t('noTasks'))),
          h('ul', { class: 'plain', 'data-test': 'unit-queue' }, sorted.value.map(queueItem)),
        ]),
        // A task that has just left the queue (办结, 退回) stays open below it, with its result.
        show(selected.value && !items.value.some((i) => i.ticketId === selected.value.ticketId), detail),
      ]);
    };
}, { wide: true });
