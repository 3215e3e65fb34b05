// 党员进小区, the compound branch's page (MEMBERS.md, issue 21) for its secretary and community staff, on a desk or a
// phone: confirm members who reported in (grid and building) or move them, publish tasks and micro-wishes, confirm
// or decline claims, approve finished work (points are granted only then) or record a no-show, hand over what was
// redeemed in the 积分超市, publish the quarter's 公示 and answer objections, select 优秀市民党员; the year-end 评议 is
// reviews.html. Every list is the branch's compound's; members-service decides everything again.
import { reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api, mediaUrl } from './api.js';
import { h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { hasAny, PAGE_ROLES, refusal, startPage } from './shell.js';

const TABS = ['members', 'tasks', 'exchange', 'disclosure', 'excellent'];
const KINDS = ['WISH', 'GRID_TASK', 'EVENT'];

/** A list typed as "a、b，c" into its items. */
const items = (text) => (text || '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean).slice(0, 20);

/** A datetime-local value, read as Beijing time (the city's clock), as an instant. */
const beijing = (local) => (local ? new Date(`${local}:00+08:00`).toISOString() : null);

/** Now plus some hours as a datetime-local value in Beijing time. */
function beijingLocal(hours) {
  const shifted = new Date(Date.now() + (8 + hours) * 3600 * 1000);
  return shifted.toISOString().substring(0, 16);
}

startPage('branch', ({ user }) => {
  const params = new URLSearchParams(location.search);
  const compounds = ref([]);
  const state = reactive({ compoundId: params.get('compoundId') || '', year: new Date().getFullYear() });
  const tab = ref(TABS.includes(params.get('tab')) ? params.get('tab') : 'members');
  const pending = ref([]);
  const confirmed = ref([]);
  const tasks = ref([]);
  const catalogue = ref([]);
  const redemptions = ref([]);
  const disclosures = ref([]);
  const objections = reactive({});
  const candidates = ref([]);
  const photos = reactive({});
  const drafts = reactive({});
  const message = ref('');
  const error = ref('');
  const busy = ref(false);
  const loaded = ref(false);
  const publish = reactive({ kind: 'WISH', title: '', description: '', gridId: '', place: '',
    startsAt: beijingLocal(1), endsAt: beijingLocal(4), places: 1, skills: '', points: 2, checkInRequired: true });
  const item = reactive({ name: '', description: '', merchant: '', points: 10, stock: 10 });
  const quarter = reactive({ year: new Date().getFullYear(), quarter: Math.floor(new Date().getMonth() / 3) + 1,
    objectionDays: 7 });

  const compound = () => compounds.value.find((c) => c.id === state.compoundId);
  const draft = (key, initial) => {
    if (!drafts[key]) drafts[key] = { ...initial };
    return drafts[key];
  };

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
      await load();
      message.value = done;
    } catch (e) {
      failed(e);
    } finally {
      busy.value = false;
    }
  }

  async function start() {
    try {
      compounds.value = await api('/api/members/compounds/managed');
      if (!compound()) state.compoundId = compounds.value[0]?.id || '';
      await load();
    } catch (e) {
      failed(e);
    } finally {
      loaded.value = true;
    }
  }

  async function load() {
    const c = compound();
    if (!c) return;
    if (!publish.gridId || !c.grids.some((g) => g.id === publish.gridId)) publish.gridId = c.grids[0]?.id || '';
    const q = encodeURIComponent(c.id);
    const calls = {
      members: () => Promise.all([api(`/api/members/memberships?compoundId=${q}&state=PENDING`),
        api(`/api/members/memberships?compoundId=${q}&state=CONFIRMED`)]).then(([p, f]) => {
        pending.value = p;
        confirmed.value = f;
      }),
      tasks: () => api(`/api/members/tasks/managed?compoundId=${q}`).then((list) => { tasks.value = list; }),
      exchange: () => Promise.all([api(`/api/members/exchange/redemptions?compoundId=${q}`),
        api(`/api/members/exchange/items?compoundId=${q}`)]).then(([r, i]) => {
        redemptions.value = r;
        catalogue.value = i;
      }),
      disclosure: () => api(`/api/members/disclosures?compoundId=${q}`).then((list) => { disclosures.value = list; }),
      excellent: () => api(`/api/members/excellent-members/candidates?compoundId=${q}&year=${state.year}`)
        .then((list) => { candidates.value = list; }),
    };
    try {
      await calls[tab.value]();
    } catch (e) {
      failed(e);
    }
  }

  function choose(name) {
    tab.value = name;
    message.value = '';
    error.value = '';
    load();
  }

  // 报到确认
  const confirm = (m) => {
    const d = draft('m' + m.id, { gridId: compound()?.grids[0]?.id || '', buildingId: '', reason: '' });
    return act(() => api(`/api/members/memberships/${m.id}/confirm`, { method: 'POST',
      body: { gridId: d.gridId, buildingId: d.buildingId || null } }), t('br.confirmed', { name: m.name }));
  };
  const reassign = (m) => {
    const d = draft('m' + m.id, { gridId: m.gridId || '', buildingId: m.buildingId || '' });
    return act(() => api(`/api/members/memberships/${m.id}/reassign`, { method: 'POST',
      body: { gridId: d.gridId, buildingId: d.buildingId || null } }), t('br.reassigned', { name: m.name }));
  };
  const decline = (m) => act(() => api(`/api/members/memberships/${m.id}/decline`, { method: 'POST',
    body: { reason: draft('m' + m.id, {}).reason } }), t('br.declined', { name: m.name }));

  const placeSelects = (d, label) => {
    const c = compound();
    return [
      h('label', [t('br.grid'), model('select', { 'aria-label': `${t('br.grid')} ${label}`, 'data-test': 'br-grid' }, d,
        'gridId', 'select', (c?.grids || []).map((g) => h('option', { value: g.id }, g.name)))]),
      h('label', [t('br.building'), model('select', { 'aria-label': `${t('br.building')} ${label}` }, d, 'buildingId',
        'select', [h('option', { value: '' }, t('br.noBuilding')),
          ...(c?.buildings || []).map((b) => h('option', { value: b.id }, b.name))])]),
    ];
  };

  function membersTab() {
    return [
      h('section', { class: 'card', 'aria-labelledby': 'br-pending', 'data-test': 'br-pending' }, [
        h('h2', { id: 'br-pending' }, t('br.pendingTitle')),
        pending.value.length
          ? h('ul', { class: 'plain' }, pending.value.map((m) => {
            const d = draft('m' + m.id, { gridId: compound()?.grids[0]?.id || '', buildingId: '', reason: '' });
            return h('li', { key: m.id, 'data-member': m.id }, [
              h('p', [h('strong', m.name), ' ', h('span', { class: 'badge' }, m.kindLabel), ' ', m.phone]),
              h('p', { class: 'hint' }, [m.address || '', ' · ', t('br.reportedAt', { at: time(m.reportedAt) }),
                m.skills.length ? ' · ' + t('br.skills', { list: m.skills.join('、') }) : '',
                ' · ', t('br.availability', { text: m.availability })]),
              h('div', { class: 'filters' }, [...placeSelects(d, m.name),
                h('button', { type: 'button', class: 'primary', disabled: busy.value, 'data-test': 'br-confirm',
                  onClick: () => confirm(m) }, t('br.confirm'))]),
              h('div', { class: 'filters' }, [
                h('label', [t('br.declineReason'), model('input', { type: 'text', maxlength: 2000 }, d, 'reason')]),
                h('button', { type: 'button', class: 'small', disabled: busy.value || !d.reason,
                  onClick: () => decline(m) }, t('br.decline'))]),
            ]);
          }))
          : h('p', { class: 'hint' }, t('br.noPending')),
      ]),
      h('section', { class: 'card', 'aria-labelledby': 'br-confirmed' }, [
        h('h2', { id: 'br-confirmed' }, t('br.confirmedTitle', { n: confirmed.value.length })),
        confirmed.value.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'br-members' }, [
            h('thead', h('tr', ['br.name', 'br.kind', 'br.phone', 'br.grid', 'br.building', 'br.move']
              .map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', confirmed.value.map((m) => {
              const d = draft('m' + m.id, { gridId: m.gridId || '', buildingId: m.buildingId || '' });
              return h('tr', { key: m.id }, [h('td', m.name), h('td', m.kindLabel), h('td', m.phone),
                h('td', m.gridName || '—'), h('td', m.buildingName || '—'),
                h('td', h('div', { class: 'actions' }, [...placeSelects(d, m.name),
                  h('button', { type: 'button', class: 'small', disabled: busy.value, onClick: () => reassign(m) },
                    t('br.reassign'))]))]);
            })),
          ]))
          : h('p', { class: 'hint' }, t('br.noConfirmed')),
      ]),
    ];
  }

  // 任务与微心愿
  const publishTask = () => act(async () => {
    await api('/api/members/tasks', { method: 'POST', body: { kind: publish.kind, title: publish.title,
      description: publish.description, gridId: publish.gridId, place: publish.place,
      startsAt: beijing(publish.startsAt), endsAt: beijing(publish.endsAt), places: publish.places,
      skills: items(publish.skills), points: publish.points, checkInRequired: publish.checkInRequired } });
    publish.title = '';
    publish.description = '';
  }, t('br.published', { title: publish.title }));

  const onClaim = (task, claim, action, done) => act(() => api(`/api/members/tasks/${task.id}/${action}`,
    { method: 'POST', body: { memberId: claim.memberId, reason: draft('c' + task.id + claim.memberId, {}).reason || null } }),
  t(done, { name: claim.memberName, title: task.title }));
  const cancel = (task) => act(() => api(`/api/members/tasks/${task.id}/cancel`, { method: 'POST',
    body: { reason: draft('t' + task.id, {}).reason } }), t('br.cancelled', { title: task.title }));

  async function showPhotos(task, claim) {
    const key = task.id + claim.memberId;
    try {
      const ids = [claim.checkInPhoto, claim.evidencePhoto].filter(Boolean);
      photos[key] = await Promise.all(ids.map((id) => mediaUrl(`/api/members/tasks/${task.id}/photos/${id}`)));
    } catch (e) {
      failed(e);
    }
  }

  function claimRow(task, c) {
    const d = draft('c' + task.id + c.memberId, { reason: '' });
    const key = task.id + c.memberId;
    const buttons = [];
    if (c.state === 'CLAIMED') {
      buttons.push(h('button', { type: 'button', class: 'small primary', disabled: busy.value, 'data-test': 'br-claim-confirm',
        onClick: () => onClaim(task, c, 'confirm', 'br.claimConfirmed') }, t('br.claimConfirm')));
      buttons.push(h('button', { type: 'button', class: 'small', disabled: busy.value || !d.reason,
        onClick: () => onClaim(task, c, 'decline', 'br.claimDeclined') }, t('br.claimDecline')));
    }
    if (c.state === 'FINISHED') {
      buttons.push(h('button', { type: 'button', class: 'small primary', disabled: busy.value, 'data-test': 'br-approve',
        onClick: () => onClaim(task, c, 'approve', 'br.approved') }, t('br.approve')));
    }
    if (c.state === 'CONFIRMED' && new Date(task.endsAt) < new Date()) {
      buttons.push(h('button', { type: 'button', class: 'small', disabled: busy.value,
        onClick: () => onClaim(task, c, 'no-show', 'br.noShowDone') }, t('br.noShow')));
    }
    return h('tr', { key: c.memberId }, [
      h('td', c.memberName), h('td', c.stateLabel), h('td', c.evidence || '—'),
      h('td', c.hours == null ? '—' : String(c.hours)),
      h('td', c.checkInPhoto || c.evidencePhoto
        ? (photos[key]
          ? h('div', { class: 'thumbs' }, photos[key].map((url) => h('img', { src: url, alt: t('br.photoOf', { name: c.memberName }) })))
          : h('button', { type: 'button', class: 'small link', onClick: () => showPhotos(task, c) }, t('br.showPhotos')))
        : '—'),
      h('td', [h('div', { class: 'actions' }, buttons),
        show(c.state === 'CLAIMED', () => model('input', { type: 'text', maxlength: 2000,
          'aria-label': t('br.declineReason'), placeholder: t('br.declineReason') }, d, 'reason'))]),
    ]);
  }

  function tasksTab() {
    const c = compound();
    return [
      h('section', { class: 'card', 'aria-labelledby': 'br-publish' }, [
        h('h2', { id: 'br-publish' }, t('br.publishTitle')),
        h('form', { class: 'dialog', 'data-test': 'br-publish', onSubmit: (e) => { e.preventDefault(); publishTask(); } }, [
          h('label', [t('br.taskKind'), model('select', {}, publish, 'kind', 'select',
            KINDS.map((k) => h('option', { value: k }, t('br.kind.' + k))))]),
          h('label', [t('br.title'), model('input', { type: 'text', required: true, maxlength: 100, 'data-test': 'br-title' },
            publish, 'title')]),
          h('label', [t('br.description'), model('textarea', { required: true, maxlength: 2000, rows: 3 }, publish,
            'description')]),
          h('label', [t('br.grid'), model('select', {}, publish, 'gridId', 'select',
            (c?.grids || []).map((g) => h('option', { value: g.id }, g.name)))]),
          h('label', [t('br.place'), model('input', { type: 'text', required: true, maxlength: 200 }, publish, 'place')]),
          h('label', [t('br.startsAt'), model('input', { type: 'datetime-local', required: true }, publish, 'startsAt')]),
          h('label', [t('br.endsAt'), model('input', { type: 'datetime-local', required: true }, publish, 'endsAt')]),
          h('label', [t('br.places'), model('input', { type: 'number', min: 1, max: 200 }, publish, 'places', 'number')]),
          h('label', [t('br.points'), model('input', { type: 'number', min: 0, max: 100 }, publish, 'points', 'number')]),
          h('label', [t('br.skills.label'), model('input', { type: 'text', maxlength: 400 }, publish, 'skills')]),
          h('label', [model('input', { type: 'checkbox' }, publish, 'checkInRequired', 'checkbox'), ' ',
            t('br.checkInRequired')]),
          h('p', { class: 'hint' }, t('br.beijingTime')),
          h('button', { type: 'submit', class: 'primary big', disabled: busy.value }, t('br.publish')),
        ]),
      ]),
      h('section', { class: 'card', 'aria-labelledby': 'br-tasks' }, [
        h('h2', { id: 'br-tasks' }, t('br.tasksTitle')),
        tasks.value.length
          ? h('ul', { class: 'plain', 'data-test': 'br-tasks' }, tasks.value.map((task) => h('li', { key: task.id }, [
            h('p', [h('strong', task.title), ' ', h('span', { class: 'badge' }, task.stateLabel), ' ',
              h('span', { class: 'badge' }, task.kindLabel)]),
            h('p', { class: 'hint' }, [task.gridName, ' · ', task.place, ' · ', task.window, ' · ',
              t('br.pointsN', { n: task.points }), ' · ', t('br.placesLeft', { n: task.placesLeft, of: task.places })]),
            (task.claims || []).length
              ? h('div', { class: 'table-wrap' }, h('table', [
                h('thead', h('tr', ['br.member', 'br.claimState', 'br.evidence', 'br.hours', 'br.photos', 'rt.actions']
                  .map((k) => h('th', { scope: 'col' }, t(k))))),
                h('tbody', task.claims.map((claim) => claimRow(task, claim))),
              ]))
              : h('p', { class: 'hint' }, t('br.noClaims')),
            show(task.state === 'OPEN', () => h('div', { class: 'filters' }, [
              h('label', [t('br.cancelReason'), model('input', { type: 'text', maxlength: 2000 }, draft('t' + task.id,
                { reason: '' }), 'reason')]),
              h('button', { type: 'button', class: 'small', disabled: busy.value || !draft('t' + task.id, {}).reason,
                onClick: () => cancel(task) }, t('br.cancel'))])),
          ])))
          : h('p', { class: 'hint' }, t('br.noTasks')),
      ]),
    ];
  }

  // 积分超市
  const handOver = (r) => act(() => api(`/api/members/exchange/redemptions/${r.id}/hand-over`, { method: 'POST' }),
    t('br.handedOver', { name: r.memberName, item: r.itemName }));
  const addItem = () => act(async () => {
    await api('/api/members/exchange/items', { method: 'POST', body: { compoundId: state.compoundId, name: item.name,
      description: item.description, merchant: item.merchant || null, points: item.points, stock: item.stock } });
    item.name = '';
    item.description = '';
  }, t('br.itemAdded', { name: item.name }));
  const restock = (i) => {
    const d = draft('i' + i.id, { stock: i.stock, active: i.active });
    return act(() => api(`/api/members/exchange/items/${i.id}/stock`, { method: 'POST',
      body: { stock: d.stock, active: d.active } }), t('br.restocked', { name: i.name }));
  };

  function exchangeTab() {
    return [
      h('section', { class: 'card', 'aria-labelledby': 'br-redemptions' }, [
        h('h2', { id: 'br-redemptions' }, t('br.redemptionsTitle')),
        redemptions.value.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'br-redemptions' }, [
            h('thead', h('tr', ['br.member', 'br.item', 'br.cost', 'br.requestedAt', 'br.handOverState', 'rt.actions']
              .map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', redemptions.value.map((r) => h('tr', { key: r.id }, [
              h('td', r.memberName), h('td', r.itemName), h('td', t('br.pointsN', { n: r.points })), h('td', time(r.requestedAt)),
              h('td', r.state === 'HANDED_OVER' ? t('br.handedOverBy', { label: r.stateLabel, at: time(r.handedOverAt) })
                : r.stateLabel),
              h('td', show(r.state === 'REQUESTED', () => h('button', { type: 'button', class: 'small primary',
                disabled: busy.value, 'data-test': 'br-hand-over', onClick: () => handOver(r) }, t('br.handOver')))),
            ]))),
          ]))
          : h('p', { class: 'hint' }, t('br.noRedemptions')),
      ]),
      h('section', { class: 'card', 'aria-labelledby': 'br-catalogue' }, [
        h('h2', { id: 'br-catalogue' }, t('br.catalogueTitle')),
        catalogue.value.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'br-catalogue' }, [
            h('thead', h('tr', ['br.item', 'br.cost', 'br.stock', 'br.onSale', 'rt.actions']
              .map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', catalogue.value.map((i) => {
              const d = draft('i' + i.id, { stock: i.stock, active: i.active });
              return h('tr', { key: i.id }, [h('td', i.name), h('td', t('br.pointsN', { n: i.points })),
                h('td', model('input', { type: 'number', min: 0, max: 100000, 'aria-label': t('br.stock') + ' ' + i.name },
                  d, 'stock', 'number')),
                h('td', model('input', { type: 'checkbox', 'aria-label': t('br.onSale') + ' ' + i.name }, d, 'active',
                  'checkbox')),
                h('td', h('button', { type: 'button', class: 'small', disabled: busy.value, onClick: () => restock(i) },
                  t('save')))]);
            })),
          ]))
          : h('p', { class: 'hint' }, t('br.noItems')),
        h('form', { class: 'dialog', onSubmit: (e) => { e.preventDefault(); addItem(); } }, [
          h('h3', t('br.addItem')),
          h('label', [t('br.item'), model('input', { type: 'text', required: true, maxlength: 100 }, item, 'name')]),
          h('label', [t('br.itemDescription'), model('input', { type: 'text', required: true, maxlength: 2000 }, item,
            'description')]),
          h('label', [t('br.merchant'), model('input', { type: 'text', maxlength: 100 }, item, 'merchant')]),
          h('label', [t('br.cost'), model('input', { type: 'number', min: 1, max: 10000 }, item, 'points', 'number')]),
          h('label', [t('br.stock'), model('input', { type: 'number', min: 0, max: 100000 }, item, 'stock', 'number')]),
          h('button', { type: 'submit', class: 'primary', disabled: busy.value }, t('br.addItem')),
        ]),
      ]),
    ];
  }

  // 公示
  const publishQuarter = () => act(() => api('/api/members/disclosures', { method: 'POST',
    body: { compoundId: state.compoundId, year: quarter.year, quarter: quarter.quarter,
      objectionDays: quarter.objectionDays } }), t('br.disclosed', { year: quarter.year, quarter: quarter.quarter }));

  async function loadObjections(d) {
    try {
      objections[d.id] = await api(`/api/members/disclosures/${d.id}/objections`);
    } catch (e) {
      failed(e);
    }
  }

  const answer = (d, o) => act(async () => {
    await api(`/api/members/objections/${o.id}/answer`, { method: 'POST', body: { answer: draft('o' + o.id, {}).answer } });
    await loadObjections(d);
  }, t('br.answered', { name: o.memberName }));

  const lines = (list) => h('div', { class: 'table-wrap' }, h('table', [
    h('thead', h('tr', ['eval.rank', 'br.name', 'br.kind', 'br.score', 'br.tasksDone', 'br.hours']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', list.map((l) => h('tr', { key: l.rank + l.name }, [h('td', String(l.rank)), h('td', l.name), h('td', l.kind),
      h('td', String(l.score)), h('td', String(l.tasksDone)), h('td', String(l.hours))]))),
  ]));

  function disclosureTab() {
    return [
      h('section', { class: 'card', 'aria-labelledby': 'br-disclose' }, [
        h('h2', { id: 'br-disclose' }, t('br.discloseTitle')),
        h('form', { class: 'filters', onSubmit: (e) => { e.preventDefault(); publishQuarter(); } }, [
          h('label', [t('rv.year'), model('input', { type: 'number', min: 2000, max: 2100 }, quarter, 'year', 'number')]),
          h('label', [t('br.quarter'), model('select', {}, quarter, 'quarter', 'select',
            [1, 2, 3, 4].map((n) => h('option', { value: n }, t('br.quarterN', { n }))))]),
          h('label', [t('br.objectionDays'), model('input', { type: 'number', min: 1, max: 30 }, quarter, 'objectionDays',
            'number')]),
          h('button', { type: 'submit', class: 'primary', disabled: busy.value, 'data-test': 'br-disclose' },
            t('br.disclose')),
        ]),
      ]),
      ...(disclosures.value.length
        ? disclosures.value.map((d) => h('section', { class: 'card', key: d.id, 'data-test': 'br-disclosure' }, [
          h('h2', t('br.disclosureOf', { compound: d.compoundName, year: d.year, quarter: d.quarter })),
          h('p', { class: 'hint' }, t('br.window', { at: time(d.publishedAt), until: time(d.objectionsUntil) })),
          h('h3', t('br.party')), d.party.length ? lines(d.party) : h('p', { class: 'hint' }, t('none')),
          h('h3', t('br.volunteers')), d.volunteers.length ? lines(d.volunteers) : h('p', { class: 'hint' }, t('none')),
          objections[d.id]
            ? (objections[d.id].length
              ? h('ul', { class: 'plain' }, objections[d.id].map((o) => h('li', { key: o.id }, [
                h('p', [h('strong', o.memberName), ' ', time(o.raisedAt), '：', o.reason]),
                o.answer
                  ? h('p', { class: 'ok' }, t('br.answer', { text: o.answer, at: time(o.answeredAt) }))
                  : h('div', { class: 'filters' }, [
                    h('label', [t('br.answerLabel'), model('input', { type: 'text', maxlength: 2000 },
                      draft('o' + o.id, { answer: '' }), 'answer')]),
                    h('button', { type: 'button', class: 'small primary',
                      disabled: busy.value || !draft('o' + o.id, {}).answer, onClick: () => answer(d, o) },
                    t('br.doAnswer'))]),
              ])))
              : h('p', { class: 'hint' }, t('br.noObjections')))
            : h('button', { type: 'button', class: 'small', onClick: () => loadObjections(d) }, t('br.objections')),
        ]))
        : [h('p', { class: 'hint' }, t('br.noDisclosures'))]),
    ];
  }

  // 优秀市民党员
  const select = (c) => act(() => api('/api/members/excellent-members', { method: 'POST',
    body: { memberId: c.memberId, year: state.year } }), t('br.selected', { name: c.name, year: state.year }));

  function excellentTab() {
    return [h('section', { class: 'card', 'aria-labelledby': 'br-excellent' }, [
      h('h2', { id: 'br-excellent' }, t('br.excellentTitle')),
      h('form', { class: 'filters', onSubmit: (e) => { e.preventDefault(); load(); } }, [
        h('label', [t('rv.year'), model('input', { type: 'number', min: 2000, max: 2100 }, state, 'year', 'number')]),
        h('button', { type: 'submit' }, t('refresh')),
      ]),
      h('p', { class: 'hint' }, t('br.excellentHint')),
      candidates.value.length
        ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'br-candidates' }, [
          h('thead', h('tr', ['br.name', 'br.score', 'br.tasksDone', 'rt.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', candidates.value.map((c) => h('tr', { key: c.memberId }, [h('td', c.name), h('td', String(c.score)),
            h('td', String(c.tasksDone)),
            h('td', c.confirmed ? t('br.isExcellent') : h('button', { type: 'button', class: 'small primary',
              disabled: busy.value, onClick: () => select(c) }, t('br.select')))]))),
        ]))
        : h('p', { class: 'hint' }, t('br.noCandidates')),
    ])];
  }

  const VIEWS = { members: membersTab, tasks: tasksTab, exchange: exchangeTab, disclosure: disclosureTab,
    excellent: excellentTab };

  if (hasAny(user, PAGE_ROLES.branch)) {
    start();
    watch(() => state.compoundId, (now, before) => { if (before) load(); });
  }

  return () => {
    if (!hasAny(user, PAGE_ROLES.branch)) return [refusal(user)];
    if (!loaded.value) return [h('p', { class: 'hint' }, t('loading'))];
    const c = compound();
    return [
      h('span', { hidden: true, 'data-test': 'branch-ready' }),
      show(error.value, () => h('p', { class: 'error', role: 'alert', 'data-test': 'br-error' }, error.value)),
      show(message.value, () => h('p', { class: 'ok', role: 'status', 'data-test': 'br-message' }, message.value)),
      c
        ? [
          h('form', { class: 'filters card', onSubmit: (e) => e.preventDefault() }, [
            h('label', [t('br.compound'), model('select', { 'data-test': 'br-compound' }, state, 'compoundId', 'select',
            compounds.value.map((x) => h('option', { value: x.id }, x.name)))]),
            h('a', { class: 'button small', href: `/reviews.html?compoundId=${encodeURIComponent(c.id)}` },
              t('br.toReviews')),
            h('a', { class: 'button small', href: '/workplace.html' }, t('br.toWorkplaces')),
          ]),
          h('nav', { class: 'tabs', 'aria-label': t('page.branch') }, TABS.map((name) => h('button', { type: 'button',
            'aria-pressed': String(tab.value === name), 'data-test': 'br-tab-' + name, onClick: () => choose(name) },
          t('br.tab.' + name)))),
          ...VIEWS[tab.value](),
        ]
        : h('p', { class: 'hint' }, t('br.noCompounds')),
    ];
  };
}, { wide: true });
