// What every page shares: the header (who is signed in, language, sign in/out) and the page's start.
import { createApp } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';
import { login, logout, me } from './api.js';
import { h } from './dom.js';
import { locale, t, toggleLanguage } from './i18n.js';

/** Roles that may open each page; the services decide again on every call. */
export const PAGE_ROLES = {
  command: ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER'],
  unit: ['DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER', 'PROPERTY_STAFF', 'COMMUNITY_STAFF'],
  evaluation: ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER', 'DEPARTMENT_OFFICER',
    'DEPARTMENT_LEADER', 'COMMUNITY_STAFF', 'GRID_WORKER', 'PROPERTY_STAFF'],
  ratings: ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER', 'ADMINISTRATOR',
    'DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER', 'PROPERTY_STAFF', 'COMMUNITY_STAFF'],
  keys: ['ADMINISTRATOR'],
  // the compound branch grades; a workplace contact (any signed-in person) opens the page by its link to print
  reviews: ['COMMUNITY_STAFF', 'GRID_WORKER'],
  // 党员进小区: people who live in a compound and serve there (party members, volunteers among residents, staff)
  members: ['PARTY_MEMBER', 'RESIDENT', 'GRID_WORKER', 'COMMUNITY_STAFF'],
  // 大屏: the command centre's wall, for whoever watches its area
  screen: ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER'],
  // the compound's party branch: its secretary (a grid post) and community staff
  branch: ['COMMUNITY_STAFF', 'GRID_WORKER'],
};

export function hasAny(user, roles) {
  return !!user && (user.roles || []).some((role) => roles.includes(role));
}

/** The red bar on top of every page. */
export function header(user, page) {
  return h('header', { class: 'bar' }, [
    h('a', { class: 'brand', href: '/' }, [h('span', { class: 'whistle-mark', 'aria-hidden': 'true' }), t('app')]),
    h('h1', { class: 'bar-title' }, t('page.' + page)),
    h('div', { class: 'bar-tools' }, [
      h('button', { type: 'button', class: 'link', lang: locale.lang === 'en' ? 'zh-CN' : 'en', onClick: toggleLanguage },
        t('language')),
      ...(user
        ? [
          h('span', { class: 'who', 'data-test': 'who' }, [user.name || user.subject,
            h('small', (user.roles || []).map((r) => t('role.' + r)).join(' · '))]),
          h('button', { type: 'button', class: 'link', onClick: logout }, t('signOut')),
        ]
        : [h('button', { type: 'button', class: 'link', 'data-test': 'sign-in', onClick: login }, t('signIn'))]),
    ]),
  ]);
}

/** A notice in place of a page the person may not (yet) use. */
export function refusal(user) {
  return user
    ? h('p', { class: 'error' }, t('forbidden'))
    : h('p', { class: 'warn' }, [t('needSignIn'), ' ',
      h('button', { type: 'button', class: 'small', onClick: login }, t('signIn'))]);
}

/**
 * Mounts a page. setup({user}) answers a function that renders the page's main content; the header comes with it.
 * The user is looked up before the page mounts, so role checks never flash.
 */
export async function startPage(page, setup, { wide = false } = {}) {
  let user = null;
  try {
    user = await me();
  } catch {
    // The gateway cannot say who this is: the page still works for anyone.
  }
  const app = createApp({
    setup() {
      const content = setup({ user });
      return () => [header(user, page), h('main', { id: 'main', class: wide ? 'wide' : '' }, content())];
    },
  });
  app.mount('#app');
  return app;
}
