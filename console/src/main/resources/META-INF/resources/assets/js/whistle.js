// 吹哨: category, description, photos or a short video, a location (GPS in WGS-84, or a pin), nearby whistles of
// the same kind to join instead, and a submit that survives a poor network by retrying with the same
// Idempotency-Key, so intake keeps exactly one whistle however often it is sent.
import { computed, nextTick, onMounted, reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, ApiError, consoleConfig, deviceId, Offline } from './api.js';
import { field, h, model, show } from './dom.js';
import { locale, t, time } from './i18n.js';
import { locationRefusal } from './geo.js';
import { createMap, drawGrids, pin } from './map.js';
import { startPage } from './shell.js';

const MAX_BACKOFF_SECONDS = 60;

function channel(user) {
  if (/MicroMessenger/i.test(navigator.userAgent)) return 'WECHAT';
  return user ? 'APP' : 'WEB';
}

startPage('whistle', ({ user }) => {
    const categories = ref([]);
    const form = reactive({ category: '', description: '', urgent: false, phone: '', address: '', lat: null, lng: null,
      accuracy: null });
    const manual = reactive({ lat: null, lng: null });
    const files = ref([]);
    const nearby = ref([]);
    const nearbyChecked = ref(false);
    const joinedId = ref(null);
    const locating = ref(false);
    const locationError = ref('');
    const manualOpen = ref(false);
    const error = ref('');
    const violations = ref([]);
    const sending = ref(false);
    const waiting = ref(null);
    const result = ref(null);
    const mapElement = ref(null);
    const showMap = ref(false);
    const place = ref(null);
    const placeLooking = ref(false);
    const urgentChosen = ref(false);
    let placedAddress = '';
    let placePin = null;
    let key = null;
    let retryTimer = null;
    let attempt = 0;

    const hasPoint = computed(() => Number.isFinite(form.lat) && Number.isFinite(form.lng));
    const categoryGroups = computed(() => {
      const groups = new Map();
      for (const c of categories.value) {
        const name = c.group || '';
        if (!groups.has(name)) groups.set(name, { name, items: [] });
        groups.get(name).items.push(c);
      }
      return [...groups.values()];
    });
    const categoryName = (c) => (locale.lang === 'en' && c.description) || c.service_name;
    // 火灾, 燃气泄漏 and the other emergency categories (the category data's handling class): call first, urgent.
    const chosen = computed(() => categories.value.find((c) => c.service_code === form.category) || null);
    const emergency = computed(() => !!(chosen.value && chosen.value.emergency));
    watch(chosen, (c) => {
      const urgent = !!(c && c.default_urgency === 'URGENT');
      if (urgent && !form.urgent) {
        form.urgent = true;
        urgentChosen.value = true;
      } else if (!urgent) {
        urgentChosen.value = false;
      }
    });
    const trackLink = computed(() => {
      if (!result.value) return '#';
      // The code goes after '#': it reaches the track page but never a server's or a proxy's request log.
      const query = user ? '?' + new URLSearchParams({ id: result.value.id }) : '';
      return '/track.html' + query + '#' + new URLSearchParams({ code: result.value.trackingCode });
    });

    function setPoint(lat, lng, accuracy = null) {
      form.lat = lat;
      form.lng = lng;
      form.accuracy = accuracy;
      manual.lat = Number(lat.toFixed(6));
      manual.lng = Number(lng.toFixed(6));
    }

    function locate() {
      locationError.value = '';
      if (!('geolocation' in navigator)) {
        locationError.value = locationRefusal(null);
        manualOpen.value = true;
        return;
      }
      locating.value = true;
      navigator.geolocation.getCurrentPosition((position) => {
        locating.value = false;
        // The W3C Geolocation API answers WGS-84, whatever map the phone shows; we send crs=WGS84.
        setPoint(position.coords.latitude, position.coords.longitude, position.coords.accuracy);
        if (placePin) placePin(form.lat, form.lng, 17);
      }, (failure) => {
        locating.value = false;
        locationError.value = locationRefusal(failure);
        manualOpen.value = true;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
    }

    function useManual() {
      if (Number.isFinite(manual.lat) && Number.isFinite(manual.lng)) {
        setPoint(manual.lat, manual.lng);
        if (placePin) placePin(form.lat, form.lng, 15);
      }
    }

    function addFiles(event) {
      for (const file of event.target.files) files.value.push({ file, url: URL.createObjectURL(file) });
      event.target.value = '';
    }

    function removeFile(i) {
      URL.revokeObjectURL(files.value[i].url);
      files.value.splice(i, 1);
    }

    // The address under the pin, through intake's reverse lookup (the hotline's geocoder), after the pin settles.
    let placeTimer = null;
    watch(() => [form.lat, form.lng], () => {
      clearTimeout(placeTimer);
      place.value = null;
      if (hasPoint.value) placeTimer = setTimeout(lookUpPlace, 500);
    });

    async function lookUpPlace() {
      const query = new URLSearchParams({ lat: form.lat, lng: form.lng, crs: 'WGS84' });
      placeLooking.value = true;
      try {
        place.value = await api('/api/whistles/address?' + query);
        // Filled in for the reporter unless they wrote their own; a moved pin replaces only what we filled in.
        if (place.value.address && (!form.address.trim() || form.address === placedAddress)) {
          form.address = place.value.address;
          placedAddress = place.value.address;
        }
      } catch (e) {
        place.value = { address: null, refused: e.message };
      } finally {
        placeLooking.value = false;
      }
    }

    let nearbyTimer = null;
    watch(() => [form.category, form.lat, form.lng], () => {
      nearbyChecked.value = false;
      clearTimeout(nearbyTimer);
      nearbyTimer = setTimeout(lookNearby, 400);
    });

    async function lookNearby() {
      if (!form.category || !hasPoint.value) {
        nearby.value = [];
        return;
      }
      const query = new URLSearchParams({ lat: form.lat, lng: form.lng, crs: 'WGS84', category: form.category });
      try {
        nearby.value = (await api('/api/whistles/nearby?' + query)).whistles;
      } catch {
        nearby.value = [];
      } finally {
        nearbyChecked.value = true;
      }
    }

    function missing() {
      const lacking = [];
      if (!form.category) lacking.push(t('category'));
      if (!form.description.trim()) lacking.push(t('description'));
      if (!hasPoint.value && !form.address.trim()) lacking.push(t('location'));
      return lacking;
    }

    function request() {
      const body = {
        channel: channel(user),
        category: form.category,
        description: form.description.trim(),
        urgency: form.urgent ? 'URGENT' : undefined,
        location: { lat: hasPoint.value ? form.lat : undefined, lng: hasPoint.value ? form.lng : undefined,
          crs: 'WGS84', address: form.address.trim() || undefined },
        reporter: !user && form.phone.trim() ? { phone: form.phone.trim() } : undefined,
      };
      const data = new FormData();
      data.append('whistle', new Blob([JSON.stringify(body)], { type: 'application/json' }));
      for (const f of files.value) data.append('evidence', f.file, f.file.name);
      return data;
    }

    async function submit() {
      error.value = '';
      violations.value = [];
      const lacking = missing();
      if (lacking.length) {
        error.value = t('required', { what: lacking.join('、') });
        return;
      }
      key = key || crypto.randomUUID();
      attempt = 0;
      await send();
    }

    async function send() {
      clearTimeout(retryTimer);
      waiting.value = null;
      sending.value = true;
      attempt++;
      try {
        const answer = await api('/api/whistles', { method: 'POST', body: request(),
          headers: { 'Idempotency-Key': key, 'X-Device-Id': deviceId() } });
        result.value = answer;
        key = null;
        window.scrollTo(0, 0);
      } catch (e) {
        const transient = e instanceof Offline || (e instanceof ApiError && (e.status >= 500 || e.status === 429));
        if (transient) {
          scheduleRetry();
        } else {
          // A refused request stored nothing: the next try is a new request with a new key.
          key = null;
          error.value = e.message;
          violations.value = e instanceof ApiError ? e.violations : [];
        }
      } finally {
        sending.value = false;
      }
    }

    function scheduleRetry() {
      const seconds = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(attempt, 6));
      waiting.value = { seconds, attempt };
      retryTimer = setTimeout(send, seconds * 1000);
    }

    function sendNow() {
      if (key) send();
    }

    window.addEventListener('online', () => {
      if (waiting.value && key) send();
    });

    async function join(whistle) {
      error.value = '';
      const data = new FormData();
      if (form.description.trim()) data.append('note', form.description.trim());
      if (!user && form.phone.trim()) data.append('phone', form.phone.trim());
      for (const f of files.value) data.append('evidence', f.file, f.file.name);
      sending.value = true;
      try {
        await api(`/api/whistles/${whistle.id}/supports`, { method: 'POST', body: data,
          headers: { 'X-Device-Id': deviceId() } });
        joinedId.value = whistle.id;
      } catch (e) {
        error.value = e.message;
        violations.value = e instanceof ApiError ? e.violations : [];
      } finally {
        sending.value = false;
      }
    }

    function reset() {
      files.value.forEach((f) => URL.revokeObjectURL(f.url));
      Object.assign(form, { category: '', description: '', urgent: false, address: '', lat: null, lng: null,
        accuracy: null });
      files.value = [];
      nearby.value = [];
      place.value = null;
      placedAddress = '';
      urgentChosen.value = false;
      result.value = null;
      joinedId.value = null;
      nextTick(startMap);
    }

    async function startMap() {
      const config = await consoleConfig();
      const scope = user && user.orgScope && user.orgScope[0];
      // Always a map to place the pin on: the configured tiles, or Leaflet's plain background with the grids.
      showMap.value = true;
      await nextTick();
      if (!mapElement.value) return;
      const { map } = createMap(mapElement.value, config);
      placePin = pin(map, (lat, lng) => setPoint(lat, lng));
      if (hasPoint.value) placePin(form.lat, form.lng, 16);
      if (scope) {
        try {
          drawGrids(map, await api(`/api/org/nodes/${scope}/grids`), {}, (name) => name);
        } catch {
          // Without the grids the pin still works on the base map.
        }
      }
    }

    onMounted(async () => {
      try {
        categories.value = await api('/open311/v2/services.json');
      } catch (e) {
        error.value = e.message;
      }
      startMap();
    });

    const evidenceCard = () => h('section', { class: 'card', 'aria-labelledby': 'evidence-title' }, [
      h('h2', { id: 'evidence-title' }, t('evidence')),
      h('div', { class: 'file-buttons' }, [
        h('label', [h('input', { class: 'file-input', type: 'file', accept: 'image/*,video/*', capture: 'environment',
          onChange: addFiles, 'data-test': 'camera', 'aria-label': t('takePhoto') }), h('span', { class: 'button' }, t('takePhoto'))]),
        h('label', [h('input', { class: 'file-input', type: 'file', accept: 'image/*,video/*', multiple: true,
          onChange: addFiles, 'data-test': 'files', 'aria-label': t('chooseFiles') }), h('span', { class: 'button' }, t('chooseFiles'))]),
      ]),
      show(files.value.length, () => h('div', { class: 'thumbs' }, files.value.map((f, i) => h('figure', { key: f.url }, [
        f.file.type.startsWith('video/')
          ? h('video', { src: f.url, muted: true, playsinline: true, 'aria-label': f.file.name })
          : h('img', { src: f.url, alt: f.file.name }),
        h('figcaption', [h('button', { type: 'button', class: 'small', onClick: () => removeFile(i) }, t('removeFile'))]),
      ])))),
    ]);

    const locationCard = () => h('section', { class: 'card', 'aria-labelledby': 'location-title' }, [
      h('h2', { id: 'location-title' }, t('location') + ' *'),
      h('button', { type: 'button', class: 'big', onClick: locate, disabled: locating.value, 'data-test': 'locate' },
        locating.value ? t('locating') : t('locate')),
      h('p', { class: 'hint' }, [t('locationDeclared'), showMap.value ? '；' + t('dragPin') : '']),
      show(locationError.value, () => h('p', { class: 'warn', role: 'status' }, locationError.value)),
      show(hasPoint.value, () => h('p', { class: 'ok', role: 'status', 'data-test': 'located' }, [
        `${t('located')}：${form.lat.toFixed(6)}, ${form.lng.toFixed(6)}`,
        form.accuracy ? `（${t('accuracy', { m: Math.round(form.accuracy) })}）` : ''])),
      show(hasPoint.value, () => h('p', { 'aria-live': 'polite', 'data-test': 'place' }, placeLooking.value
        ? h('span', { class: 'muted' }, t('rp.placeLooking'))
        : place.value && place.value.address
          ? [h('span', { class: 'muted' }, t('rp.place') + '：'), h('strong', place.value.address)]
          : place.value ? h('span', { class: 'muted' }, place.value.refused || t('rp.placeUnknown')) : null)),
      h('div', { ref: mapElement, class: 'map', hidden: !showMap.value, role: 'application', 'aria-label': t('dragPin') }),
      h('details', { open: manualOpen.value }, [
        h('summary', t('manualLocation')),
        h('div', { class: 'row' }, [
          ...['lat', 'lng'].map((axis) => h('div', { key: axis }, field(axis, t(axis === 'lat' ? 'latitude' : 'longitude'),
            h('input', { id: axis, type: 'number', step: '0.000001', inputmode: 'decimal', value: manual[axis],
              onChange: (e) => { manual[axis] = Number(e.target.value); useManual(); } })))),
        ]),
      ]),
      ...field('address', t('address'), model('input', { id: 'address', type: 'text', maxlength: 200,
        autocomplete: 'street-address' }, form, 'address')),
    ]);

    const nearbyCard = () => h('section', { class: 'card', 'aria-labelledby': 'nearby-title', 'data-test': 'nearby' }, [
      h('h2', { id: 'nearby-title' }, t('nearbyTitle')),
      h('p', { class: 'hint' }, t('nearbyHint')),
      h('ul', { class: 'plain' }, nearby.value.map((n) => h('li', { key: n.id }, [
        // Anyone may ask what is nearby: category and grid, never the reporter's words (docs/security.md).
        h('p', [categoryName(categories.value.find((c) => c.service_code === n.category) || { service_name: n.category }),
          n.grid].filter(Boolean).join(' · ')),
        h('p', { class: 'muted' }, [t('state.' + n.status), t('metres', { n: n.distanceMetres }),
          t('supports', { n: n.supports + 1 }), time(n.raisedAt)].join(' · ')),
        h('button', { type: 'button', class: 'small', onClick: () => join(n), disabled: sending.value }, t('joinThis')),
        show(joinedId.value === n.id, () => h('p', { class: 'ok', role: 'status' }, t('joined'))),
      ]))),
    ]);

    const submitted = () => h('section', { class: 'card', 'aria-live': 'polite', 'data-test': 'submitted' }, [
      h('h2', t('submitted')),
      h('p', t('trackingCode')),
      h('p', { class: 'code', 'data-test': 'tracking-code' }, result.value.trackingCode),
      h('p', { class: 'hint' }, t('keepCode')),
      h('p', { class: 'muted' }, [`${t('raisedAt')}: ${time(result.value.raisedAt)}`,
        result.value.street ? ` · ${result.value.street.name}` : '', result.value.grid ? ` · ${result.value.grid.name}` : '']),
      h('div', { class: 'actions' }, [
        h('a', { class: 'button primary', href: trackLink.value, 'data-test': 'track-link' }, t('trackIt')),
        h('button', { type: 'button', onClick: reset }, t('raiseAnother')),
      ]),
    ]);

    const emergencyBanner = () => h('section', { class: 'emergency', role: 'alert', 'data-test': 'emergency' }, [
      h('h2', t('rp.emergencyTitle')),
      h('p', t('rp.emergencyText')),
      h('div', { class: 'calls' }, [['119', 'rp.call119'], ['110', 'rp.call110'], ['120', 'rp.call120']].map(([n, key]) =>
        h('a', { key: n, href: 'tel:' + n, 'data-test': 'call-' + n }, t(key)))),
      show(urgentChosen.value, () => h('p', t('rp.urgentChosen'))),
    ]);

    const formView = () => h('form', { novalidate: true, 'aria-describedby': 'form-error',
      'data-nearby-checked': String(nearbyChecked.value), onSubmit: (e) => { e.preventDefault(); submit(); } }, [
      h('section', { class: 'card' }, [
        ...field('category', t('category') + ' *', model('select', { id: 'category', required: true, 'data-test': 'category' },
          form, 'category', 'select', [
            h('option', { value: '' }, t('chooseCategory')),
            ...categoryGroups.value.map((group) => h('optgroup', { key: group.name, label: group.name },
              group.items.map((c) => h('option', { key: c.service_code, value: c.service_code }, categoryName(c))))),
          ])),
        show(emergency.value, emergencyBanner),
        ...field('description', t('description') + ' *', model('textarea', { id: 'description', maxlength: 2000,
          required: true, placeholder: t('descriptionHint'), 'data-test': 'description' }, form, 'description')),
        h('label', { class: 'inline' }, [model('input', { type: 'checkbox', 'data-test': 'urgent' }, form, 'urgent',
          'checkbox'), ' ' + t('urgent')]),
      ]),
      evidenceCard(),
      locationCard(),
      show(nearby.value.length, nearbyCard),
      show(!user, () => h('section', { class: 'card' }, field('phone', t('phone'), model('input', { id: 'phone',
        type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20 }, form, 'phone'), t('phoneHint')))),
      h('div', { id: 'form-error', 'aria-live': 'assertive' }, [
        show(error.value, () => h('div', { class: 'error', role: 'alert', 'data-test': 'error' }, [error.value,
          show(violations.value.length, () => h('ul', violations.value.map((v) => h('li', v))))])),
        show(waiting.value, () => h('div', { class: 'warn', role: 'status' }, [
          t('offlineRetry', { s: waiting.value.seconds, n: waiting.value.attempt }), ' ',
          h('button', { type: 'button', class: 'small', onClick: sendNow }, t('retryNow'))])),
      ]),
      h('button', { type: 'submit', class: 'primary big', disabled: sending.value, 'data-test': 'submit' },
        sending.value ? t('submitting') : t('submit')),
    ]);

    return () => (result.value ? submitted() : formView());
});
