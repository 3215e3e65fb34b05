// 党员进小区, the member's phone page (MEMBERS.md, issue 21): report in to the compound one lives in (or move to
// another), see one's compound and grid, the compound's open tasks, claim one, check in on site with the phone's
// location and a photo, finish with evidence, see one's points and their history, and spend them in the 积分超市.
// Phone first: one column, buttons at least 44 px high. members-service decides everything again.
import { reactive, ref } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, ApiError } from './api.js';
import { h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { refusal, startPage } from './shell.js';
import { locationRefusal } from './geo.js';

const KINDS = ['IN_SERVICE', 'COMMUNITY', 'VOLUNTEER'];
/** What members-service takes per photo; a phone's camera often makes more, so larger photos are scaled down. */
const PHOTO_LIMIT = 3 * 1024 * 1024;
const COMPOUND = /^\d{15}$/;

/** A list typed as "a、b，c" into its items. */
const items = (text) => (text || '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean).slice(0, 20);

/** The photo as a JPEG small enough to send: scaled to at most 1600 px on its longer side when it is too large. */
async function sendable(file) {
  if (!file || file.size <= PHOTO_LIMIT * 0.8) return file;
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
  return new File([blob], 'photo.jpg', { type: 'image/jpeg' });
}


startPage('members', ({ user }) => {
  const membership = ref(null);
  const missing = ref(false);
  const tasks = ref([]);
  const mine = ref([]);
  const standing = ref(null);
  const catalogue = ref([]);
  const redemptions = ref([]);
  const message = ref('');
  const error = ref('');
  const busy = ref(false);
  const tab = ref('tasks');
  const scopeCompound = (user?.orgScope || []).find((code) => COMPOUND.test(code)) || '';
  const form = reactive({ name: user?.name || '', phone: '', kind: 'COMMUNITY', workplaceId: '', skills: '', teams: '',
    availability: '', compoundId: scopeCompound, address: '' });
  const move = reactive({ open: false, compoundId: scopeCompound, address: '' });
  const site = reactive({});

  function failed(e) {
    error.value = [e.message, ...(e.violations || [])].join('；');
    message.value = '';
  }

  async function act(work, done) {
    busy.value = true;
    error.value = '';
    message.value = '';
    try {
      await work();
      // Said once the page shows the new state, so what the member reads and what they see agree.
      await load();
      if (done) message.value = done;
    } catch (e) {
      failed(e);
    } finally {
      busy.value = false;
    }
  }

  async function load() {
    try {
      membership.value = await api('/api/members/memberships/me');
      missing.value = false;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        membership.value = null;
        missing.value = true;
        return;
      }
      failed(e);
      return;
    }
    const compound = encodeURIComponent(membership.value.compoundId);
    const [open, own, points, shop, asked] = await Promise.allSettled([
      api(`/api/members/tasks?compoundId=${compound}`), api('/api/members/tasks/mine'), api('/api/members/points/me'),
      api(`/api/members/exchange/items?compoundId=${compound}`), api('/api/members/exchange/redemptions/mine')]);
    tasks.value = open.status === 'fulfilled' ? open.value : [];
    mine.value = own.status === 'fulfilled' ? own.value : [];
    standing.value = points.status === 'fulfilled' ? points.value : null;
    catalogue.value = shop.status === 'fulfilled' ? shop.value.filter((i) => i.active) : [];
    redemptions.value = asked.status === 'fulfilled' ? asked.value : [];
    const refused = [open, own, points, shop, asked].find((r) => r.status === 'rejected');
    if (refused) failed(refused.reason);
  }

  const reportIn = () => act(() => api('/api/members/memberships', { method: 'POST', body: {
    name: form.name, phone: form.phone, kind: form.kind, workplaceId: form.workplaceId || null,
    skills: items(form.skills), teams: items(form.teams), availability: form.availability,
    compoundId: form.compoundId, address: form.address } }), t('mb.reported'));

  const transfer = () => act(async () => {
    await api('/api/members/memberships/me/transfer', { method: 'POST',
      body: { compoundId: move.compoundId, address: move.address } });
    move.open = false;
  }, t('mb.moved'));

  const claim = (task) => act(() => api(`/api/members/tasks/${task.id}/claim`, { method: 'POST', body: {} }),
    t('mb.claimed', { title: task.title }));
  const withdraw = (task) => act(() => api(`/api/members/tasks/${task.id}/withdraw`, { method: 'POST', body: {} }),
    t('mb.withdrawn'));
  const redeem = (item) => act(() => api(`/api/members/exchange/items/${item.id}/redeem`, { method: 'POST' }),
    t('mb.redeemed', { name: item.name }));

  /** The work on one of my tasks: its position, photo, evidence and hours as the member fills them in. */
  function work(task) {
    if (!site[task.id]) {
      site[task.id] = { lat: null, lng: null, accuracy: null, locating: false, geoError: '', photo: null,
        evidence: '', hours: 0.5, finishPhoto: null };
    }
    return site[task.id];
  }

  function locate(task) {
    const w = work(task);
    w.geoError = '';
    if (!('geolocation' in navigator)) {
      w.geoError = locationRefusal(null, 'mb.geo');
      return;
    }
    w.locating = true;
    // The W3C Geolocation API answers WGS-84 whatever map the phone shows; the check-in says so.
    navigator.geolocation.getCurrentPosition((position) => {
      w.locating = false;
      w.lat = position.coords.latitude;
      w.lng = position.coords.longitude;
      w.accuracy = Math.round(position.coords.accuracy);
    }, (failure) => {
      w.locating = false;
      w.geoError = locationRefusal(failure, 'mb.geo');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  }

  const checkIn = (task) => act(async () => {
    const w = work(task);
    if (w.lat == null) throw new Error(t('mb.needLocation'));
    if (!w.photo) throw new Error(t('mb.needPhoto'));
    const body = new FormData();
    body.append('lat', String(w.lat));
    body.append('lng', String(w.lng));
    body.append('coordinateSystem', 'WGS84');
    const photo = await sendable(w.photo);
    body.append('photo', photo, photo.name);
    await api(`/api/members/tasks/${task.id}/check-in`, { method: 'POST', body });
  }, t('mb.checkedIn'));

  const finish = (task) => act(async () => {
    const w = work(task);
    const body = new FormData();
    body.append('evidence', w.evidence);
    body.append('hours', String(w.hours));
    if (w.finishPhoto) {
      const photo = await sendable(w.finishPhoto);
      body.append('photo', photo, photo.name);
    }
    await api(`/api/members/tasks/${task.id}/finish`, { method: 'POST', body });
  }, t('mb.finished'));

  const photoInput = (w, key, testId) => h('label', { class: 'button' }, [
    h('input', { type: 'file', accept: 'image/jpeg,image/png', capture: 'environment', class: 'file-input',
      'data-test': testId, onChange: (e) => { w[key] = e.target.files[0] || null; } }),
    h('span', w[key] ? t('mb.photoChosen', { name: w[key].name }) : t('mb.takePhoto'))]);

  function reportInCard() {
    const text = (key, label, props = {}) => h('label', [label,
      model('input', { type: 'text', maxlength: 100, ...props }, form, key)]);
    return h('section', { class: 'card', 'aria-labelledby': 'mb-report' }, [
      h('h2', { id: 'mb-report' }, t('mb.reportTitle')),
      h('p', { class: 'hint' }, t('mb.reportHint')),
      h('form', { onSubmit: (e) => { e.preventDefault(); reportIn(); } }, [
        text('name', t('mb.name'), { required: true, autocomplete: 'name' }),
        text('phone', t('mb.phone'), { type: 'tel', maxlength: 20, required: true, autocomplete: 'tel' }),
        h('fieldset', { class: 'plain' }, [h('legend', t('mb.kind')), ...KINDS.map((k) => h('label', { class: 'inline' },
          [model('input', { type: 'radio', name: 'kind', value: k }, form, 'kind', 'radio'), t('mb.kind.' + k)]))]),
        show(form.kind === 'IN_SERVICE', () => text('workplaceId', t('mb.workplace'), { maxlength: 64 })),
        text('skills', t('mb.skills'), { placeholder: t('mb.listHint') }),
        text('teams', t('mb.teams'), { placeholder: t('mb.listHint') }),
        text('availability', t('mb.availability'), { required: true, maxlength: 200 }),
        text('compoundId', t('mb.compoundId'), { required: true, maxlength: 64, inputmode: 'numeric',
          'data-test': 'mb-compound' }),
        text('address', t('mb.address'), { required: true, maxlength: 200 }),
        h('button', { type: 'submit', class: 'primary big', disabled: busy.value, 'data-test': 'mb-report' },
          t('mb.reportIn')),
      ]),
    ]);
  }

  function myCard(m) {
    return h('section', { class: 'card', 'aria-labelledby': 'mb-me', 'data-test': 'mb-membership' }, [
      h('h2', { id: 'mb-me' }, t('mb.myCompound')),
      h('p', [h('strong', m.compoundName), ' ', h('span', { class: 'badge' }, m.stateLabel)]),
      h('p', [t('mb.grid'), '：', m.gridName || t('mb.gridPending'), m.buildingName ? ` · ${m.buildingName}` : '']),
      h('p', { class: 'hint' }, [m.kindLabel, ' · ', t('mb.reportedAt'), ' ', time(m.reportedAt)]),
      show(m.state === 'PENDING', () => h('p', { class: 'warn' }, t('mb.pendingHint'))),
      move.open
        ? h('form', { class: 'dialog', onSubmit: (e) => { e.preventDefault(); transfer(); } }, [
          h('label', [t('mb.compoundId'), model('input', { type: 'text', maxlength: 64, inputmode: 'numeric',
            required: true }, move, 'compoundId', 'trim')]),
          h('label', [t('mb.address'), model('input', { type: 'text', maxlength: 200, required: true }, move,
            'address')]),
          h('div', { class: 'actions' }, [
            h('button', { type: 'submit', class: 'primary', disabled: busy.value }, t('mb.move')),
            h('button', { type: 'button', onClick: () => { move.open = false; } }, t('cancel'))]),
        ])
        : h('button', { type: 'button', onClick: () => { move.open = true; } }, t('mb.moveHouse')),
    ]);
  }

  const facts = (task) => h('p', { class: 'hint' }, [task.kindLabel, ' · ', task.gridName, ' · ', task.place, ' · ',
    task.window, ' · ', t('mb.points', { n: task.points }), ' · ', t('mb.placesLeft', { n: task.placesLeft })]);

  function openTasks() {
    const own = new Set(mine.value.map((m) => m.id));
    const list = tasks.value.filter((task) => !own.has(task.id));
    return h('section', { class: 'card', 'aria-labelledby': 'mb-open' }, [
      h('h2', { id: 'mb-open' }, t('mb.openTasks')),
      list.length
        ? h('ul', { class: 'plain', 'data-test': 'mb-open-tasks' }, list.map((task) => h('li', { key: task.id }, [
          h('strong', task.title), facts(task), h('p', task.description),
          h('button', { type: 'button', class: 'primary big', disabled: busy.value || task.placesLeft < 1
            || membership.value.state !== 'CONFIRMED', 'data-test': 'mb-claim', onClick: () => claim(task) },
          t('mb.claim'))])))
        : h('p', { class: 'hint' }, t('mb.noOpenTasks')),
    ]);
  }

  function myTask(task) {
    const claimState = task.myClaim?.state;
    const w = work(task);
    const steps = [];
    if (claimState === 'CLAIMED') steps.push(h('p', { class: 'hint' }, t('mb.waitConfirm')));
    if (claimState === 'CONFIRMED' && task.checkInRequired) {
      steps.push(h('div', { class: 'dialog' }, [
        h('h3', t('mb.checkInTitle')),
        h('button', { type: 'button', class: 'big', disabled: w.locating, 'data-test': 'mb-locate',
          onClick: () => locate(task) }, w.locating ? t('locating') : t('mb.locate')),
        show(w.lat != null, () => h('p', { class: 'ok' },
          t('mb.located', { lat: w.lat.toFixed(5), lng: w.lng.toFixed(5), m: w.accuracy }))),
        show(w.geoError, () => h('p', { class: 'error', role: 'alert', 'data-test': 'mb-geo-error' }, w.geoError)),
        h('div', { class: 'file-buttons' }, [photoInput(w, 'photo', 'mb-checkin-photo')]),
        h('button', { type: 'button', class: 'primary big', disabled: busy.value, 'data-test': 'mb-check-in',
          onClick: () => checkIn(task) }, t('mb.checkIn')),
      ]));
    }
    if (claimState === 'CHECKED_IN' || (claimState === 'CONFIRMED' && !task.checkInRequired)) {
      steps.push(h('form', { class: 'dialog', onSubmit: (e) => { e.preventDefault(); finish(task); } }, [
        h('h3', t('mb.finishTitle')),
        h('label', [t('mb.evidence'), model('textarea', { maxlength: 2000, required: true, 'data-test': 'mb-evidence' },
          w, 'evidence')]),
        h('label', [t('mb.hours'), model('input', { type: 'number', min: 0.5, max: 24, step: 0.5, required: true },
          w, 'hours', 'number')]),
        h('div', { class: 'file-buttons' }, [photoInput(w, 'finishPhoto', 'mb-finish-photo')]),
        h('button', { type: 'submit', class: 'primary big', disabled: busy.value, 'data-test': 'mb-finish' },
          t('mb.finish')),
      ]));
    }
    if (claimState === 'FINISHED') steps.push(h('p', { class: 'hint' }, t('mb.waitApproval')));
    const canWithdraw = claimState === 'CLAIMED' || claimState === 'CONFIRMED';
    return h('li', { key: task.id }, [
      h('strong', task.title), ' ', show(task.myClaim, () => h('span', { class: 'badge' }, task.myClaim.stateLabel)),
      facts(task), ...steps,
      show(canWithdraw, () => h('button', { type: 'button', disabled: busy.value,
        onClick: () => withdraw(task) }, t('mb.withdraw'))),
    ]);
  }

  function myTasks() {
    return h('section', { class: 'card', 'aria-labelledby': 'mb-mine' }, [
      h('h2', { id: 'mb-mine' }, t('mb.myTasks')),
      mine.value.length
        ? h('ul', { class: 'plain', 'data-test': 'mb-my-tasks' }, mine.value.map(myTask))
        : h('p', { class: 'hint' }, t('mb.noMyTasks')),
    ]);
  }

  function pointsCard() {
    const s = standing.value;
    if (!s) return h('p', { class: 'hint' }, t('loading'));
    return h('section', { class: 'card', 'aria-labelledby': 'mb-points', 'data-test': 'mb-points' }, [
      h('h2', { id: 'mb-points' }, t('mb.myPoints', { year: s.year })),
      h('div', { class: 'stats' }, [
        h('div', { class: 'stat' }, [h('strong', { 'data-test': 'mb-score' }, String(s.score)), t('mb.score')]),
        h('div', { class: 'stat' }, [h('strong', String(s.spendable)), t('mb.spendable')]),
        h('div', { class: 'stat' }, [h('strong', String(s.earned)), t('mb.earned')])]),
      h('p', { class: 'hint' }, s.rules),
      h('h3', t('mb.history')),
      s.entries.length
        ? h('ul', { class: 'plain' }, s.entries.map((e) => h('li', { key: e.id }, [
          h('strong', (e.amount > 0 ? '+' : '') + e.amount), ' ', e.reason,
          h('p', { class: 'hint' }, `${time(e.at)} · ${e.approverName}`)])))
        : h('p', { class: 'hint' }, t('mb.noEntries')),
    ]);
  }

  function shopCard() {
    const spendable = standing.value?.spendable ?? 0;
    return h('section', { class: 'card', 'aria-labelledby': 'mb-shop' }, [
      h('h2', { id: 'mb-shop' }, t('mb.shop')),
      h('p', { class: 'hint' }, t('mb.spendableNow', { n: spendable })),
      catalogue.value.length
        ? h('ul', { class: 'plain', 'data-test': 'mb-catalogue' }, catalogue.value.map((item) => h('li', { key: item.id }, [
          h('strong', item.name), ' ', h('span', { class: 'badge' }, t('mb.points', { n: item.points })),
          h('p', { class: 'hint' }, [item.merchant || item.description, ' · ', t('mb.stock', { n: item.stock })]),
          h('button', { type: 'button', class: 'big', 'data-test': 'mb-redeem',
            disabled: busy.value || item.stock < 1 || item.points > spendable, onClick: () => redeem(item) },
          item.points > spendable ? t('mb.notEnough') : t('mb.redeem'))])))
        : h('p', { class: 'hint' }, t('mb.noItems')),
      h('h3', t('mb.myRedemptions')),
      redemptions.value.length
        ? h('ul', { class: 'plain' }, redemptions.value.map((r) => h('li', { key: r.id }, [
          r.itemName, ' ', h('span', { class: 'badge' }, r.stateLabel),
          h('p', { class: 'hint' }, `${t('mb.points', { n: r.points })} · ${time(r.requestedAt)}`)])))
        : h('p', { class: 'hint' }, t('mb.noRedemptions')),
    ]);
  }

  const TABS = ['tasks', 'points', 'shop'];

  if (user) load();

  return () => {
    if (!user) return [refusal(user)];
    const m = membership.value;
    return [
      h('span', { hidden: true, 'data-test': m || missing.value ? 'members-ready' : 'members-loading' }),
      show(error.value, () => h('p', { class: 'error', role: 'alert', 'data-test': 'mb-error' }, error.value)),
      show(message.value, () => h('p', { class: 'ok', role: 'status', 'data-test': 'mb-message' }, message.value)),
      missing.value ? reportInCard() : null,
      ...(m
        ? [
          myCard(m),
          h('nav', { class: 'tabs', 'aria-label': t('page.members') }, TABS.map((name) => h('button', { type: 'button',
            'aria-pressed': String(tab.value === name), 'data-test': 'mb-tab-' + name,
            onClick: () => { tab.value = name; } }, t('mb.tab.' + name)))),
          ...(tab.value === 'tasks' ? [myTasks(), openTasks()] : []),
          ...(tab.value === 'points' ? [pointsCard()] : []),
          ...(tab.value === 'shop' ? [shopCard()] : []),
        ]
        : []),
    ];
  };
});
