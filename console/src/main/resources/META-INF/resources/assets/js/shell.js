// What every page shares: the header (who is signed in, language, sign in/out) and the page's start.
import { createApp } from '/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js';
import { login, logout, me } from './api.js';
import { locale, nameOf, span, t, time, toggleLanguage } from './i18n.js';

/** Roles that may open each page; the services decide again on every call. */
export const PAGE_ROLES = {
  command: ['STREET_DISPATCHER', 'DISTRICT_DISPATCHER', 'CITY_DISPATCHER', 'LEADER', 'ADMINISTRATOR'],
  unit: ['DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER', 'PROPERTY_STAFF', 'COMMUNITY_STAFF'],
};

export function hasAny(user, roles) {
  return !!user && (user.roles || []).some((role) => roles.includes(role));
}

const AppHeader = {
  props: { user: Object, page: String, signedInOnly: Boolean },
  setup() {
    return { t, locale, toggleLanguage, login, logout };
  },
  template: `
    <header class="bar">
      <a class="brand" href="/"><span class="whistle-mark" aria-hidden="true"></span>{{ t('app') }}</a>
      <h1 class="bar-title">{{ t('page.' + page) }}</h1>
      <div class="bar-tools">
        <button type="button" class="link" @click="toggleLanguage" :lang="locale.lang === 'en' ? 'zh-CN' : 'en'">
          {{ t('language') }}</button>
        <template v-if="user">
          <span class="who" data-test="who">{{ user.name || user.subject }}
            <small>{{ (user.roles || []).map(r => t('role.' + r)).join(' · ') }}</small></span>
          <button type="button" class="link" @click="logout">{{ t('signOut') }}</button>
        </template>
        <button v-else type="button" class="link" data-test="sign-in" @click="login">{{ t('signIn') }}</button>
      </div>
    </header>`,
};

/**
 * Mounts a page: its component gets the signed-in user (or null) as {@code user}, and t, time, span and nameOf.
 * The user is looked up before the page mounts, so role checks never flash.
 */
export async function startPage(page, component) {
  let user = null;
  let failure = null;
  try {
    user = await me();
  } catch (e) {
    failure = e.message;
  }
  const app = createApp({
    ...component,
    setup(props, context) {
      const own = component.setup ? component.setup({ user }, context) : {};
      return { user, failure, page, t, time, span, nameOf, locale, ...own };
    },
  });
  app.component('app-header', AppHeader);
  app.mount('#app');
  document.body.classList.add('ready');
  return app;
}
