'use strict';
// Runs a batch of cases through the official Twilio Node helper so the C# tests can compare
// our signatures, URL handling and TwiML with it. Reads {"cases":[...]} on stdin and writes
// one JSON array of results, in order, on stdout. Each result is {"ok": value} or {"error": message}.
const querystring = require('querystring');
const twilio = require('twilio');

// How Twilio (or a back end) may have written the URL it signed, relative to the one received.
const transforms = {
  none: (url) => url,
  whatwg: (url) => new URL(url).toString(),
  whatwgLegacy: (url) => {
    const normalized = new URL(url).toString();
    const q = normalized.indexOf('?');
    if (q === -1 || q === normalized.length - 1) return normalized;
    return normalized.slice(0, q) + '?' + querystring.stringify(querystring.parse(normalized.slice(q + 1)));
  },
};

// Signs with signParams when given (to test altered parameters), else with params.
function sign(c) {
  return twilio.getExpectedTwilioSignature(c.token, transforms[c.transform || 'none'](c.signUrl), c.signParams || c.params || {});
}

function check(c, signature) {
  return c.body === undefined
    ? twilio.validateRequest(c.token, signature, c.url, c.params || {})
    : twilio.validateRequestWithBody(c.token, signature, c.url, c.body);
}

function buildTwiml(parent, verbs) {
  for (const v of verbs) {
    // xmlbuilder drops an element whose text is null, so a missing text must stay undefined.
    const node = v.text == null ? parent[v.verb](v.attrs || {}) : parent[v.verb](v.attrs || {}, v.text);
    if (v.children) buildTwiml(node, v.children);
  }
}

const ops = {
  // {token, signUrl, transform, params | signParams} -> signature
  sign: (c) => sign(c),
  // {token, signature, url, params | body} -> bool
  validate: (c) => check(c, c.signature),
  // {token, signUrl, transform, url, params | body}: sign signUrl with no params when a body is
  // given (that is how Twilio signs JSON), else with params, then validate url.
  signAndValidate: (c) => {
    const signature = sign(c.body === undefined ? c : { ...c, params: {}, signParams: undefined });
    return { signature, valid: check(c, signature) };
  },
  // {body} -> lower-case hex SHA-256
  bodyHash: (c) => twilio.getExpectedBodyHash(c.body),
  // {url} -> new URL(url).toString()
  normalizeUrl: (c) => new URL(c.url).toString(),
  // {query} -> querystring.stringify(querystring.parse(query))
  legacyQuery: (c) => querystring.stringify(querystring.parse(c.query)),
  // {verbs: [{verb, attrs, text, children}]} -> VoiceResponse XML
  twiml: (c) => {
    const response = new twilio.twiml.VoiceResponse();
    buildTwiml(response, c.verbs);
    return response.toString();
  },
};

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).cases.map((c) => {
    try {
      return { ok: ops[c.op](c) };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
