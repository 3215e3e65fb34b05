// 进度: the reporter's view — status, the steps (已上报 → … → 待评价), the public timeline, the photos sent and the
// photos of the result, and one rating per resolution. Anonymous reporters open it with the tracking code (and the
// phone they gave); signed-in reporters by the whistle's id with their session, or by their own code, and see
// 我的吹哨 — the whistles raised with their account — above the look-up. A signed-in reporter's page follows its
// whistle live: notification-service's stream of that one whistle for this account (ADR 0050) says when it moved on,
// and the page reads it again, as after 刷新. An anonymous reporter's page does the same with the stream ticket each
// code + phone look-up brings (ADR 0059): it names the whistle only, never the code, and when it expires the stream
// ends and the page looks the whistle up again, which brings a new one.
import { computed, onMounted, onUnmounted, reactive, ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, ApiError, live, mediaUrl } from './api.js';
import { field, h, model, show } from './dom.js';
import { locale, t, time } from './i18n.js';
import { startPage } from './shell.js';

const RATINGS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];

startPage('track', ({ user }) => {
    const params = new URLSearchParams(location.search);
    const id = ref(params.get('id'));
    // A link from the raise answer carries the code after '#', which browsers never send to a server or its logs.
    const code = ref(new URLSearchParams(location.hash.substring(1)).get('code') || params.get('code') || '');
    const phone = ref('');
    const whistle = ref(null);
    const categories = ref([]);
    const photos = ref([]);
    const resultPhotos = ref([]);
    const error = ref('');
    const loading = ref(false);
    const rated = ref(false);
    const feedback = reactive({ rating: null, resolved: null, comment: '' });
    const mine = ref([]);
    const mineNext = ref(null);
    const mineLoaded = ref(false);
    const liveState = ref('');
    let closeLive = () => {};
    let reopen = null;
    let followed = null;
    let rereadLater = null;
    // The category names: the list shows them, never a category's code, so it waits for them.
    let categoriesRead = Promise.resolve();

    const proof = () => (id.value && !code.value ? {} : { 'X-Tracking-Code': code.value, ...(phone.value ? { 'X-Reporter-Phone': phone.value } : {}) });
    const categoryName = computed(() => {
      const c = categories.value.find((s) => s.service_code === whistle.value?.category);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : whistle.value?.category;
    });
    /** The reporter's words for a status: intake's own label in Chinese (已上报, 重新派遣中 …), ours in English. */
    const statusText = (status, label) => (locale.lang !== 'en' && label ? label : t('state.' + status));
    const timelineNewestFirst = computed(() => [...(whistle.value?.timeline || [])].reverse());

    async function fetchWhistle() {
      if (id.value) {
        try {
          return await api(`/api/whistles/${id.value}`, { headers: code.value ? proof() : {} });
        } catch (e) {
          if (!code.value) throw e;
        }
      }
      // Code and phone as headers: they stay out of URLs that proxies log.
      return api('/api/whistles/track', { headers: proof() });
    }

    async function media(refs) {
      const out = [];
      for (const ref of refs || []) {
        try {
          out.push({ ...ref, url: await mediaUrl(`/api/whistles/${whistle.value.id}/evidence/${ref.mediaId}`, proof()) });
        } catch {
          // A photo that cannot be shown is left out; the rest still are.
        }
      }
      return out;
    }

    async function lookUp() {
      error.value = '';
      loading.value = true;
      try {
        whistle.value = await fetchWhistle();
        id.value = whistle.value.id;
        photos.value = await media(whistle.value.evidence);
        resultPhotos.value = await media(whistle.value.resultEvidence);
        if ((user || whistle.value.live) && followed !== whistle.value.id) follow();
      } catch (e) {
        error.value = e instanceof ApiError && e.status === 404 ? t('notFound') : e.message;
      } finally {
        loading.value = false;
      }
    }

    const progressOf = (w) => JSON.stringify([w?.status, w?.steps, (w?.timeline || []).length]);

    /**
     * The whistle again, without the busy state: a step that came live replaces the one shown. The event may reach
     * this page before intake has taken it in, so an unchanged answer is asked again after 1, 2 and 4 s.
     */
    async function reread(attempt = 0) {
      const before = progressOf(whistle.value);
      try {
        whistle.value = await fetchWhistle();
        resultPhotos.value = await media(whistle.value.resultEvidence);
      } catch {
        // The next event or 刷新 tries again; what is shown stays.
      }
      if (progressOf(whistle.value) === before && attempt < 3) {
        clearTimeout(rereadLater);
        rereadLater = setTimeout(() => reread(attempt + 1), 1000 * 2 ** attempt);
      }
    }

    /**
     * Follows the shown whistle: each event reads it again, and so does every reconnection (a step may have come while
     * the stream was down). EventSource retries a dropped connection itself; a stream it gave up on (an error answer)
     * is opened again after a pause that grows to a minute.
     */
    function follow(pause = 5000) {
      closeLive();
      clearTimeout(reopen);
      followed = whistle.value.id;
      let missed = false;
      const ticket = whistle.value.live?.ticket;
      const path = ticket
        ? `/api/notifications/stream/tracked/${encodeURIComponent(whistle.value.id)}?ticket=${encodeURIComponent(ticket)}`
        : `/api/notifications/stream/whistles/${encodeURIComponent(whistle.value.id)}`;
      closeLive = live(path, () => reread(),
        (state) => {
          if (state === 'open') {
            if (missed) reread();
            missed = false;
            pause = 5000;
          } else {
            missed = true;
          }
          liveState.value = state;
          if (state === 'closed') {
            reopen = setTimeout(async () => {
              // an expired ticket ends the stream: the look-up brings the whistle as it is now and a new ticket
              if (ticket) await reread(3);
              follow(Math.min(pause * 2, 60000));
            }, pause);
          }
        });
    }

    /** 我的吹哨: the next page of the signed-in reporter's whistles (newest first). */
    async function loadMine() {
      try {
        const query = new URLSearchParams({ limit: 20, ...(mineNext.value ? { after: mineNext.value } : {}) });
        const page = await api('/api/whistles/mine?' + query);
        await categoriesRead;
        mine.value = [...mine.value, ...page.whistles];
        mineNext.value = page.next || null;
      } catch (e) {
        error.value = e.message;
      } finally {
        mineLoaded.value = true;
      }
    }

    async function rate() {
      error.value = '';
      loading.value = true;
      try {
        await api(`/api/whistles/${whistle.value.id}/feedback`, { method: 'POST', headers: proof(), body: {
          rating: feedback.rating, resolved: feedback.resolved, comment: feedback.comment || undefined,
          trackingCode: code.value || undefined, phone: phone.value || undefined } });
        rated.value = true;
        await lookUp();
      } catch (e) {
        error.value = e.message;
      } finally {
        loading.value = false;
      }
    }

    onMounted(async () => {
      categoriesRead = api('/open311/v2/services.json').then((list) => { categories.value = list; }).catch(() => {});
      if (user && !id.value && !code.value) loadMine();
      if (id.value || code.value) await lookUp();
      // Opened from a link with the code alone: a whistle given with a phone asks for it without an error.
      if (!whistle.value && !id.value && !phone.value) error.value = '';
    });

    onUnmounted(() => {
      clearTimeout(reopen);
      clearTimeout(rereadLater);
      closeLive();
    });

    const thumbs = (list, alt) => h('div', { class: 'thumbs' }, list.map((p) => h('figure', { key: p.mediaId }, [
      p.contentType.startsWith('video/')
        ? h('video', { src: p.url, controls: true, playsinline: true, 'aria-label': alt })
        : h('img', { src: p.url, alt })])));

    const nameOf = (category) => {
      const c = categories.value.find((s) => s.service_code === category);
      return c ? ((locale.lang === 'en' && c.description) || c.service_name) : category;
    };

    const mineCard = () => h('section', { class: 'card', 'aria-labelledby': 'mine-title', 'data-test': 'mine' }, [
      h('h2', { id: 'mine-title' }, t('rp.mine')),
      mineLoaded.value && !mine.value.length ? h('p', { class: 'muted' }, t('rp.mineEmpty')) : null,
      h('ul', { class: 'plain' }, mine.value.map((w) => h('li', { key: w.id, 'data-test': 'mine-item' }, [
        h('p', [h('strong', nameOf(w.category)), ' ',
          h('span', { class: 'badge', 'data-test': 'mine-status' }, statusText(w.status, w.statusLabel)),
          show(w.urgency === 'URGENT', () => h('span', { class: 'badge urgent' }, t('priority.URGENT')))]),
        h('p', { class: 'muted' }, [time(w.raisedAt), w.place, w.ticketNumber].filter(Boolean).join(' · ')),
        h('a', { class: 'button small', href: '/track.html?' + new URLSearchParams({ id: w.id }) }, t('rp.open')),
      ]))),
      show(mineNext.value, () => h('button', { type: 'button', 'data-test': 'mine-more', onClick: loadMine }, t('rp.more'))),
    ]);

    const stepsCard = () => h('section', { class: 'card', 'aria-labelledby': 'steps-title' }, [
      h('h2', { id: 'steps-title' }, t('rp.steps')),
      show(liveState.value, () => h('p', { class: 'muted', role: 'status', 'data-test': 'progress-live' },
        t(liveState.value === 'open' ? 'rp.liveOpen' : 'rp.liveRetrying'))),
      h('ol', { class: 'steps', 'data-test': 'steps' }, (whistle.value.steps || []).map((s, i) => h('li', {
        key: i, class: 'step ' + s.state.toLowerCase(), 'aria-current': s.state === 'CURRENT' ? 'step' : undefined }, [
        h('strong', s.name), show(s.at, () => h('div', { class: 'muted' }, time(s.at))),
      ]))),
    ]);

    const lookUpForm = () => h('form', { class: 'card', 'aria-busy': String(loading.value), 'data-test': 'look-up',
      onSubmit: (e) => { e.preventDefault(); lookUp(); } }, [
      h('h2', t('trackTitle')),
      ...field('code', t('trackingCode'), model('input', { id: 'code', type: 'text', autocomplete: 'off',
        autocapitalize: 'characters', required: true, 'data-test': 'code' }, code, 'value', 'trim')),
      ...field('phone', t('reporterPhone'), model('input', { id: 'phone', type: 'tel', inputmode: 'tel',
        autocomplete: 'tel' }, phone, 'value', 'trim')),
      h('p'),
      h('button', { type: 'submit', class: 'primary big', disabled: loading.value }, t('query')),
    ]);

    const whistleCard = () => {
      const w = whistle.value;
      const place = [w.street && w.street.name, w.grid && w.grid.name, w.location.address].filter(Boolean).join(' · ');
      return h('section', { class: 'card', 'data-test': 'whistle' }, [
        h('h2', categoryName.value),
        h('p', [h('span', { class: 'badge', 'data-test': 'status' }, statusText(w.status, w.statusLabel)),
          show(w.urgency === 'URGENT', () => h('span', { class: 'badge urgent' }, t('priority.URGENT')))]),
        h('p', w.description),
        h('dl', [
          h('dt', { class: 'muted' }, t('trackingCode')), h('dd', { class: 'code' }, code.value),
          ...(w.ticketNumber ? [h('dt', { class: 'muted' }, t('ticketNumber')), h('dd', w.ticketNumber)] : []),
          h('dt', { class: 'muted' }, t('raisedAt')), h('dd', time(w.raisedAt)),
          h('dt', { class: 'muted' }, t('location')), h('dd', place || '—'),
        ]),
        show(photos.value.length, () => [h('h3', t('photos')), thumbs(photos.value, t('photos'))]),
      ]);
    };

    const rateCard = () => h('section', { class: 'card', 'aria-labelledby': 'rate-title' }, [
      h('h2', { id: 'rate-title' }, t('rateTitle')),
      rated.value
        ? h('p', { class: 'ok', role: 'status', 'data-test': 'rated' }, t('rated'))
        : whistle.value.canRate
          ? h('form', { 'data-test': 'rate-form', onSubmit: (e) => { e.preventDefault(); rate(); } }, [
            h('fieldset', [h('legend', t('rating')), ...RATINGS.map((r) => h('label', { class: 'inline', key: r }, [
              model('input', { type: 'radio', name: 'rating', value: r, required: true, 'data-test': 'rating-' + r },
                feedback, 'rating', 'radio'), ' ' + t('rating.' + r)]))]),
            h('fieldset', [h('legend', t('resolvedQuestion')),
              h('label', { class: 'inline' }, [model('input', { type: 'radio', name: 'resolved', value: true,
                'data-test': 'resolved-yes' }, feedback, 'resolved', 'radio'), ' ' + t('yes')]),
              h('label', { class: 'inline' }, [model('input', { type: 'radio', name: 'resolved', value: false,
                'data-test': 'resolved-no' }, feedback, 'resolved', 'radio'), ' ' + t('no')])]),
            ...field('comment', t('comment'), model('textarea', { id: 'comment', maxlength: 500 }, feedback, 'comment')),
            h('p'),
            h('button', { type: 'submit', class: 'primary big', 'data-test': 'rate',
              disabled: !feedback.rating || feedback.resolved === null || loading.value }, t('rate')),
          ])
          : h('p', { class: 'muted' }, t('notYetRatable')),
    ]);

    const timelineCard = () => h('section', { class: 'card', 'aria-labelledby': 'timeline-title' }, [
      h('h2', { id: 'timeline-title' }, t('timeline')),
      h('ol', { class: 'timeline', 'data-test': 'timeline' }, timelineNewestFirst.value.map((e) => h('li', { key: e.id }, [
        h('strong', statusText(e.status, e.statusLabel)), ' ', h('span', { class: 'muted' }, time(e.at)),
        show(e.note, () => h('div', e.note)),
        show(e.actor, () => h('div', { class: 'muted' }, e.actor)),
      ]))),
      h('button', { type: 'button', onClick: lookUp }, t('refresh')),
    ]);

    return () => [
      show(user && !whistle.value && !id.value, mineCard),
      show(!whistle.value, lookUpForm),
      h('div', { 'aria-live': 'assertive' }, show(error.value, () => h('p', { class: 'error', role: 'alert' }, error.value))),
      ...(whistle.value
        ? [whistleCard(), stepsCard(),
          show(resultPhotos.value.length, () => h('section', { class: 'card', 'data-test': 'result-photos' },
            [h('h2', t('resultPhotos')), thumbs(resultPhotos.value, t('resultPhotos'))])),
          rateCard(), timelineCard()]
        : []),
    ];
});
