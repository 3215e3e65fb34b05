// 整建制报到, the workplace party organisation's page (MEMBERS.md, issue 21): its contact sees how its in-service
// members reported in to the compounds they live in and how they take part (points, tasks done, hours), and prints or
// downloads the year-end 评议 sheet (reviews.html, XLSX) as the organisation's appraisal input. No address shows and
// phones come masked; the compound's branch sees the organisations reporting to it the same way. members-service
// decides who sees which organisation.
import { reactive, ref, watch } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { api } from './api.js';
import { h, model, show } from './dom.js';
import { t, time } from './i18n.js';
import { refusal, startPage } from './shell.js';

startPage('workplace', ({ user }) => {
  const params = new URLSearchParams(location.search);
  const workplaces = ref([]);
  const state = reactive({ id: params.get('workplace') || '', year: Number(params.get('year')) || new Date().getFullYear() });
  const members = ref([]);
  const figures = ref([]);
  const error = ref('');
  const loaded = ref(false);

  const chosen = () => workplaces.value.find((w) => w.id === state.id);

  async function start() {
    try {
      workplaces.value = await api('/api/members/workplaces');
      if (!chosen()) state.id = workplaces.value[0]?.id || '';
      await load();
    } catch (e) {
      error.value = e.message;
    } finally {
      loaded.value = true;
    }
  }

  async function load() {
    if (!chosen()) return;
    error.value = '';
    const id = encodeURIComponent(state.id);
    try {
      const [m, f] = await Promise.all([api(`/api/members/workplaces/${id}/members`),
        api(`/api/members/workplaces/${id}/figures?year=${state.year}`)]);
      members.value = m;
      figures.value = f;
    } catch (e) {
      error.value = e.message;
    }
  }

  function summary() {
    const confirmed = members.value.filter((m) => m.state === 'CONFIRMED').length;
    const tasks = figures.value.reduce((sum, f) => sum + f.tasksDone, 0);
    const hours = figures.value.reduce((sum, f) => sum + Number(f.hours), 0);
    return h('div', { class: 'stats', 'data-test': 'wp-summary' }, [
      h('div', { class: 'stat' }, [h('strong', String(members.value.length)), t('wp.reported')]),
      h('div', { class: 'stat' }, [h('strong', String(confirmed)), t('wp.confirmed')]),
      h('div', { class: 'stat' }, [h('strong', String(tasks)), t('wp.tasksDone')]),
      h('div', { class: 'stat' }, [h('strong', hours.toFixed(1)), t('wp.hours')]),
    ]);
  }

  const head = (keys) => h('thead', h('tr', keys.map((k) => h('th', { scope: 'col' }, t(k)))));

  function organisation(w) {
    const id = encodeURIComponent(w.id);
    return [
      h('section', { class: 'card', 'aria-labelledby': 'wp-org' }, [
        h('h2', { id: 'wp-org', 'data-test': 'wp-name' }, w.name),
        h('p', { class: 'hint' }, [t('wp.reportsTo', { compound: w.reportsToName }), ' · ',
          t('wp.contact', { name: w.contactName, phone: w.contactPhone }),
          w.firstSecretary ? ' · ' + t('wp.firstSecretary', { name: w.firstSecretary }) : '']),
        h('form', { class: 'filters', onSubmit: (e) => { e.preventDefault(); load(); } }, [
          h('label', [t('rv.year'), model('input', { type: 'number', min: 2000, max: 2100 }, state, 'year', 'number')]),
          h('button', { type: 'submit' }, t('refresh')),
          h('a', { class: 'button small', href: `/reviews.html?workplace=${id}&year=${state.year}`, 'data-test': 'wp-sheet' },
            t('wp.sheet')),
          h('a', { class: 'button small', href: `/api/members/workplaces/${id}/reviews/export?year=${state.year}`,
            download: '', 'data-test': 'wp-xlsx' }, t('wp.xlsx')),
        ]),
        summary(),
      ]),
      h('section', { class: 'card', 'aria-labelledby': 'wp-figures' }, [
        h('h2', { id: 'wp-figures' }, t('wp.figuresTitle', { year: state.year })),
        figures.value.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'wp-figures' }, [
            head(['rv.name', 'br.kind', 'wp.state', 'rv.compound', 'rv.score', 'rv.tasks', 'rv.hours']),
            h('tbody', figures.value.map((f, i) => h('tr', { key: i }, [h('td', f.name), h('td', f.kind),
              h('td', f.stateLabel), h('td', f.compoundName), h('td', String(f.score)), h('td', String(f.tasksDone)),
              h('td', String(f.hours))]))),
          ]))
          : h('p', { class: 'hint' }, t('wp.noMembers')),
      ]),
      h('section', { class: 'card', 'aria-labelledby': 'wp-members' }, [
        h('h2', { id: 'wp-members' }, t('wp.membersTitle')),
        members.value.length
          ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'wp-members' }, [
            head(['rv.name', 'rv.phone', 'br.kind', 'rv.compound', 'rv.grid', 'wp.state', 'wp.reportedAt']),
            h('tbody', members.value.map((m) => h('tr', { key: m.id }, [h('td', m.name), h('td', m.phone),
              h('td', m.kindLabel), h('td', m.compoundName), h('td', m.gridName || t('wp.gridPending')),
              h('td', m.stateLabel), h('td', time(m.confirmedAt || m.reportedAt))]))),
          ]))
          : h('p', { class: 'hint' }, t('wp.noMembers')),
      ]),
    ];
  }

  if (user) {
    start();
    watch(() => state.id, (now, before) => { if (before) load(); });
  }

  return () => {
    if (!user) return [refusal(user)];
    if (!loaded.value) return [h('p', { class: 'hint' }, t('loading'))];
    const w = chosen();
    return [
      h('span', { hidden: true, 'data-test': 'workplace-ready' }),
      show(error.value, () => h('p', { class: 'error', role: 'alert', 'data-test': 'wp-error' }, error.value)),
      show(workplaces.value.length > 1, () => h('form', { class: 'filters card', onSubmit: (e) => e.preventDefault() }, [
        h('label', [t('wp.organisation'), model('select', { 'data-test': 'wp-choose' }, state, 'id', 'select',
          workplaces.value.map((x) => h('option', { value: x.id }, x.name)))])])),
      w ? organisation(w) : h('p', { class: 'hint', 'data-test': 'wp-none' }, t('wp.none')),
    ];
  };
}, { wide: true });
