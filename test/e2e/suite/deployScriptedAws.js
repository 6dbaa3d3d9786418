// A scripted AWS endpoint on 127.0.0.1 for the deploy e2e tests (CommonJS: loaded by the extension-host suite
// and imported by the UI test). It speaks awsJson1_1 for ECS and ECR (X-Amz-Target dispatch, errors as HTTP 400
// {"__type","message"}) and awsQuery XML for STS, IAM and ELBv2 (the handler's JSON body as XML), so the real
// SDK signs, retries and decodes. Every request is recorded. An operation without a handler is forwarded to
// `upstream` (moto) when one is given,
// else answered with UnknownOperationException; a handler may call ctx.forward() to answer from upstream and
// change the answer (the UI test scripts the rollout this way, on top of moto's real state).
// Not a *.test.js file: suite/index.js does not run it.
'use strict';

const http = require('node:http');

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data));
  });
}

/**
 * startScriptedAws({ handlers, upstream }) → { endpoint, calls, handlers, ops(), writes(), close() }
 * handlers: { [Operation]: (body, callIndex, ctx) => reply | Promise<reply> }, where reply is
 * { body } | { error, message, status? } and ctx.forward() → Promise<{ status, body }> (JSON services only).
 */
async function startScriptedAws({ handlers = {}, upstream } = {}) {
  const calls = [];
  const counts = new Map();
  const state = {
    endpoint: '',
    calls,
    handlers,
    ops: () => calls.map((c) => c.op),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function forwardRaw(req, raw) {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers['content-length'];
    const res = await fetch(`${upstream}${req.url}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : raw });
    return { status: res.status, contentType: res.headers.get('content-type') || 'application/x-amz-json-1.1', text: await res.text() };
  }

  const server = http.createServer((req, res) => {
    readBody(req).then(async (raw) => {
      const target = String(req.headers['x-amz-target'] || '');
      let service;
      let op;
      let body = {};
      if (target) {
        service = target.startsWith('AmazonEC2ContainerServiceV20141113.') ? 'ecs' : 'ecr';
        op = target.slice(target.indexOf('.') + 1);
        body = raw ? JSON.parse(raw) : {};
      } else {
        service = 'sts';
        const params = new URLSearchParams(raw);
        op = params.get('Action') || 'Unknown';
        body = Object.fromEntries(params);
      }
      calls.push({ service, op, body, authorization: String(req.headers.authorization || '') });
      const n = counts.get(op) || 0;
      counts.set(op, n + 1);
      const handler = state.handlers[op];
      if (!handler && upstream) {
        const out = await forwardRaw(req, raw);
        res.writeHead(out.status, { 'content-type': out.contentType, 'x-amzn-requestid': `fwd-${calls.length}` });
        res.end(out.text);
        return;
      }
      const ctx = {
        forward: async () => {
          if (!upstream) throw new Error('no upstream to forward to');
          const out = await forwardRaw(req, raw);
          return { status: out.status, body: out.text ? JSON.parse(out.text) : {} };
        },
      };
      const reply = handler ? await handler(body, n, ctx) : { error: 'UnknownOperationException', message: `not scripted: ${op}` };
      const headers = { 'x-amzn-requestid': `req-${calls.length}` };
      if (service === 'sts') {
        headers['content-type'] = 'text/xml';
        if (reply.error) {
          res.writeHead(reply.status || 403, headers);
          res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${reply.error}</Code><Message>${reply.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
        } else {
          res.writeHead(200, headers);
          res.end(`<${op}Response><${op}Result>${toXml(reply.body)}</${op}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${op}Response>`);
        }
        return;
      }
      headers['content-type'] = 'application/x-amz-json-1.1';
      if (reply.error) {
        res.writeHead(reply.status || 400, headers);
        res.end(JSON.stringify({ __type: reply.error, message: reply.message }));
      } else {
        res.writeHead(reply.status || 200, headers);
        res.end(JSON.stringify(reply.body));
      }
    }).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InternalFailure', message: String(err && err.message) }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  state.endpoint = `http://127.0.0.1:${server.address().port}`;
  return state;
}

/** awsQuery XML for a JSON value (STS, IAM, ELBv2 answers): keys become elements, arrays <member> items. */
function toXml(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `<${k}>${toXml(v)}</${k}>`).join('');
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** AWS operations that change something: none of them may appear in a dry run. */
const WRITE_OPS = /^(Register|Update|Create|Delete|Deregister|Put|Initiate|Upload|Complete|BatchDelete|Tag|Untag|Set|Start|Stop|Run)/;

module.exports = { startScriptedAws, WRITE_OPS };
