// Same-origin calls through the gateway. The browser never holds a token: the gateway's session cookie identifies
// the person, and every state-changing call carries the CSRF token the gateway put in the XSRF-TOKEN cookie.

/** A failed call, with the RFC 9457 problem detail the services answer. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** The invalid fields a 422 names, as "field: message" lines. */
  get violations() {
    const list = this.problem.errors || this.problem.violations || [];
    return Array.isArray(list) ? list.map((v) => `${v.field || v.name || ''} ${v.message || v.reason || ''}`.trim()) : [];
  }
}

/** Thrown when the network is down or the gateway cannot be reached at all. */
export class Offline extends Error {}

export function cookie(name) {
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/**
 * Calls /api/… (or /bff/…) and answers the parsed JSON (null for 204). body: an object (sent as JSON) or FormData.
 */
export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers },
    credentials: 'same-origin', signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = cookie('XSRF-TOKEN');
    if (csrf) init.headers['X-XSRF-TOKEN'] = csrf;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Offline(e.message);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** A photo or video the caller may see, as an object URL (evidence needs headers an <img> cannot send). */
export async function mediaUrl(path, headers = {}) {
  const response = await fetch(path, { headers, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, null);
  return URL.createObjectURL(await response.blob());
}

/** The signed-in person ({subject, name, roles, orgScope, unit}) or null. */
export async function me() {
  try {
    return await api('/bff/me');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) return null;
    throw e;
  }
}

export function login() {
  const back = location.pathname + location.search + location.hash;
  location.assign('/bff/login?return=' + encodeURIComponent(back));
}

/**
 * Signs out as a top-level form post, so the gateway's redirects (ending the session at org-registry too) run in the
 * browser itself; the CSRF token goes as the _csrf field, since a form cannot set headers.
 */
export function logout() {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/bff/logout';
  const csrf = cookie('XSRF-TOKEN');
  if (csrf) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = '_csrf';
    field.value = csrf;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}

/** The deployment's settings for the pages (the base map), from the gateway: {mapTileUrl, mapAttribution, …}. */
export async function consoleConfig() {
  try {
    return await api('/bff/config');
  } catch {
    return {};
  }
}

/**
 * A live stream (server-sent events) that reconnects by itself; onEvent(name, data) for each whistle event.
 * Answers a function that closes it.
 */
export function live(path, onEvent, onState = () => {}) {
  const names = ['whistle-raised', 'whistle-routed', 'whistle-reported', 'whistle-closed', 'whistle-escalated',
    'whistle-feedback', 'message'];
  const source = new EventSource(path, { withCredentials: true });
  source.addEventListener('open', () => onState('open'));
  source.addEventListener('connected', () => onState('open'));
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'retrying'));
  for (const name of names) {
    source.addEventListener(name, (event) => {
      let data = null;
      try { data = JSON.parse(event.data); } catch { data = { body: event.data }; }
      onEvent(name, data);
    });
  }
  return () => source.close();
}

/** A random id kept per device for the anonymous rate limits (X-Device-Id). */
export function deviceId() {
  let id = localStorage.getItem('whistle.device');
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem('whistle.device', id);
  }
  return id;
}

/**
 * Uploads the unit's photos for a whistle to intake and answers the evidence references dispatch records
 * ({mediaId, contentType, sha256}).
 */
export async function uploadHandlingEvidence(whistleId, files) {
  if (!files.length) return [];
  const form = new FormData();
  for (const file of files) form.append('evidence', file, file.name);
  const answer = await api(`/api/whistles/${whistleId}/handling-evidence`, { method: 'POST', body: form });
  return answer.evidence;
}
