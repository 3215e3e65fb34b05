'use strict';
// Drives Whistle's Open311 GeoReport v2 façade with the real npm client `open311` 0.0.12 in JSON mode:
// services → service definition → submit → requests (by id, with and without api_key; by id list; filtered list), plus a
// submit with a wrong key.
//
//   node client.js <endpoint-url> <api-key> <jurisdiction-id> [description]
//   node client.js --follow <endpoint-url> <api-key> <jurisdiction-id> <service-request-id>
//
// The second form follows a request raised earlier, as a client checking back later would: the request by id, with the
// key, printed as "OPEN311-FOLLOW {json}".
//
// <endpoint-url> is the façade's root, e.g. http://127.0.0.1:8080/open311/v2/ . Every step is recorded, successful or
// not, and the whole record is printed as ONE line "OPEN311-SUMMARY {json}" on stdout for the Java test to judge; the
// script itself asserts nothing and exits 0 once the summary is printed (2 on bad arguments, 1 if it crashed).
const Open311 = require('open311');

const ROAD_DAMAGE = 'MUNICIPAL-ROAD-DAMAGE';
const CROSSING = { lat: 47.9218, long: 123.5046 };
const STEP_TIMEOUT_MS = 20000;
const LOOKUP_DEADLINE_MS = 15000;
const LOOKUP_PAUSE_MS = 500;

const following = process.argv[2] === '--follow';
const [endpointArg, apiKey, jurisdiction, descriptionArg] = process.argv.slice(following ? 3 : 2);
if (!endpointArg || !apiKey || !jurisdiction || (following && !descriptionArg)) {
  console.error('usage: node client.js [--follow] <endpoint-url> <api-key> <jurisdiction-id> [description | id]');
  process.exit(2);
}
const endpoint = endpointArg.endsWith('/') ? endpointArg : endpointArg + '/';
const description = descriptionArg || '文明大街与农机路交叉路口路面破损（Open311 客户端）';

// open311 0.0.12 dereferences res.statusCode even when the connection failed, which throws inside request's
// callback; route such throws to the step that is running instead of crashing the script.
let running = null;
process.on('uncaughtException', (error) => {
  if (running) {
    running(error);
  } else {
    console.error(error);
    process.exit(1);
  }
});

/** Calls fn(callback) and settles to {ok, data} or {ok: false, error}; never rejects. */
function step(fn) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome) => {
      if (!settled) {
        settled = true;
        running = null;
        clearTimeout(timer);
        resolve(outcome);
      }
    };
    const timer = setTimeout(() => settle({ ok: false, error: 'no answer within ' + STEP_TIMEOUT_MS + ' ms' }), STEP_TIMEOUT_MS);
    running = (error) => settle({ ok: false, error: 'client threw: ' + (error && error.stack ? error.stack : String(error)) });
    try {
      fn((err, data) => (err ? settle({ ok: false, error: err === true ? data : { status: err, body: data } }) : settle({ ok: true, data })));
    } catch (error) {
      settle({ ok: false, error: 'client threw: ' + (error && error.stack ? error.stack : String(error)) });
    }
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const find = (requests, id) => (Array.isArray(requests) ? requests.find((r) => r && String(r.service_request_id) === id) : undefined);

async function main() {
  const client = new Open311({ endpoint, jurisdiction, apiKey, format: 'json' });
  const summary = { endpoint, jurisdiction, client: require('open311/package.json').version };

  const services = await step((cb) => client.serviceList(cb));
  summary.services = services.ok
    ? {
        ok: Array.isArray(services.data),
        count: Array.isArray(services.data) ? services.data.length : null,
        codes: Array.isArray(services.data) ? services.data.map((s) => s.service_code) : null,
        roadDamage: Array.isArray(services.data) ? services.data.find((s) => s.service_code === ROAD_DAMAGE) || null : null,
        raw: Array.isArray(services.data) ? undefined : services.data,
      }
    : services;

  const definition = await step((cb) => client.serviceDefinition(ROAD_DAMAGE, cb));
  summary.definition = definition.ok
    ? {
        ok: true,
        serviceCode: definition.data.service_code,
        attributeCodes: (definition.data.attributes || []).map((a) => a.code),
      }
    : definition;

  const submitted = await step((cb) =>
    client.submitRequest(
      { service_code: ROAD_DAMAGE, lat: CROSSING.lat, long: CROSSING.long, description, attributes: { urgency: 'NORMAL' } },
      cb,
    ),
  );
  const created = submitted.ok && Array.isArray(submitted.data) ? submitted.data[0] : undefined;
  const id = created && created.service_request_id ? String(created.service_request_id) : null;
  summary.submit = submitted.ok ? { ok: Array.isArray(submitted.data), response: submitted.data } : submitted;
  summary.serviceRequestId = id;

  if (id) {
    // GET requests/{id}: bounded polling in case the façade reads a copy that lags the write.
    const deadline = Date.now() + LOOKUP_DEADLINE_MS;
    let attempts = 0;
    let byId;
    do {
      attempts += 1;
      byId = await step((cb) => client.serviceRequests(id, cb));
      if (byId.ok && find(byId.data, id)) break;
      await pause(LOOKUP_PAUSE_MS);
    } while (Date.now() < deadline);
    summary.byId = byId.ok ? { ok: true, attempts, count: byId.data.length, request: find(byId.data, id) || null } : { ...byId, attempts };

    // Descriptions and addresses are shown only to callers with a valid api_key (ADR 0008); the client passes it as a
    // query parameter like any other.
    const keyed = await step((cb) => client.serviceRequests(id, { api_key: apiKey }, cb));
    summary.byIdWithKey = keyed.ok ? { ok: true, count: keyed.data.length, request: find(keyed.data, id) || null } : keyed;

    const byIds = await step((cb) => client.serviceRequests([id], cb));
    summary.byIds = byIds.ok ? { ok: true, count: byIds.data.length, request: find(byIds.data, id) || null } : byIds;

    const since = new Date(Date.now() - 10 * 60 * 1000).toISOString();
    const listed = await step((cb) =>
      client.serviceRequests({ service_code: ROAD_DAMAGE, status: 'open', start_date: since }, cb),
    );
    summary.list = listed.ok ? { ok: true, since, count: listed.data.length, request: find(listed.data, id) || null } : listed;
  }

  const stranger = new Open311({ endpoint, jurisdiction, apiKey: 'not-a-whistle-key', format: 'json' });
  const refused = await step((cb) => stranger.submitRequest({ service_code: ROAD_DAMAGE, ...CROSSING, description }, cb));
  summary.wrongKey = refused;

  process.stdout.write('OPEN311-SUMMARY ' + JSON.stringify(summary) + '\n');
}

async function follow(id) {
  const client = new Open311({ endpoint, jurisdiction, apiKey, format: 'json' });
  const record = { endpoint, jurisdiction, serviceRequestId: id };
  const byId = await step((cb) => client.serviceRequests(id, { api_key: apiKey }, cb));
  record.byId = byId.ok ? { ok: true, request: find(byId.data, id) || null } : byId;
  process.stdout.write('OPEN311-FOLLOW ' + JSON.stringify(record) + '\n');
}

(following ? follow(descriptionArg) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
