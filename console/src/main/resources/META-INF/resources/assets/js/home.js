// The start page: the pages this person may use (anyone may raise and track a whistle).
import { evaluationTile } from './evaltile.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { hasAny, PAGE_ROLES, startPage } from './shell.js';

startPage('home', ({ user }) => {
  const pages = ['whistle', 'track'];
  if (hasAny(user, PAGE_ROLES.command)) pages.push('command');
  if (hasAny(user, PAGE_ROLES.screen)) pages.push('screen');
  if (hasAny(user, PAGE_ROLES.unit) && user.unit) pages.push('unit');
  if (hasAny(user, PAGE_ROLES.evaluation)) pages.push('evaluation');
  if (hasAny(user, PAGE_ROLES.ratings)) pages.push('ratings');
  if (hasAny(user, PAGE_ROLES.members)) pages.push('members');
  if (hasAny(user, PAGE_ROLES.branch)) pages.push('branch');
  if (hasAny(user, PAGE_ROLES.reviews)) pages.push('reviews');
  // a workplace organisation's contact signs in with a member's role; the page says when the person is none
  if (hasAny(user, ['PARTY_MEMBER'])) pages.push('workplace');
  if (hasAny(user, PAGE_ROLES.keys)) pages.push('keys');
  // a leader's start page leads with the level's figures (the same tile as the command centre's dashboard)
  const tile = hasAny(user, ['LEADER']) ? evaluationTile(user?.orgScope?.[0]) : () => null;
  return () => [
    h('p', { class: 'hint' }, '确保每一个哨声都有回应 · Every whistle gets an answer'),
    tile(),
    h('nav', { class: 'home-links', 'aria-label': t('home') }, pages.map((p) => h('a',
      { key: p, href: `/${p}.html`, 'data-test': 'go-' + p }, [h('strong', t('page.' + p)), t(`page.${p}.hint`)]))),
  ];
});
