'use strict';
// Runs a batch of cases through the official Twilio Node helper so the C# tests can compare
// our signatures, request validation and TwiML with it. Reads {"cases":[...]} on stdin and writes
// one JSON array of results, in order, on stdout. Each result is {"ok": value} or {"error": message}.
const twilio = require('twilio');

// Signs with signParams when given (to test altered parameters), else with params.
function sign(c) {
  return twilio.getExpectedTwilioSignature(c.token, c.signUrl, c.signParams || c.params || {});
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
  // {token, signUrl, params | signParams} -> signature
  sign: (c) => sign(c),
  // {token, signature, url, params | body} -> bool
  validate: (c) => check(c, c.signature),
  // {token, signUrl, url, params | body}: sign signUrl with no params when a body is
  // given (that is how Twilio signs JSON), else with params, then validate url.
  signAndValidate: (c) => {
    const signature = sign(c.body === undefined ? c : { ...c, params: {}, signParams: undefined });
    return { signature, valid: check(c, signature) };
  },
  // {body} -> lower-case hex SHA-256
  bodyHash: (c) => twilio.getExpectedBodyHash(c.body),
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
