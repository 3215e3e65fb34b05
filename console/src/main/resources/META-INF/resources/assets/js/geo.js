// Asking the phone where it is, shared by the pages that do (吹哨, 党员进小区): why it gave no position, in words a
// person can act on — WeChat's own switch included — instead of the browser's English error.
import { t } from './i18n.js';

/**
 * The refusal in the page's words: `texts` is the page's dictionary prefix ('geo' for raising a whistle, 'mb.geo'
 * for checking in), each with `.denied`, `.unavailable`, `.timeout` and `.none`.
 */
export function locationRefusal(failure, texts = 'geo') {
  if (!failure) return t(texts + '.none');
  if (failure.code === 1) return t(texts + '.denied');
  if (failure.code === 3) return t(texts + '.timeout');
  return t(texts + '.unavailable');
}
