// The start page: the pages this person may use (anyone may raise and track a whistle).
import { hasAny, PAGE_ROLES, startPage } from './shell.js';

startPage('home', {
  setup({ user }) {
    const pages = ['whistle', 'track'];
    if (hasAny(user, PAGE_ROLES.command)) pages.push('command');
    if (hasAny(user, PAGE_ROLES.unit) && user.unit) pages.push('unit');
    return { pages };
  },
});
