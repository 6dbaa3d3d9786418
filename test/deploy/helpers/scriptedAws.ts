/**
 * A small scripted AWS endpoint on 127.0.0.1 speaking the wire protocols the deploy uses, so the real SDK signs,
 * retries and decodes against it:
 * - awsJson1_1 for ECS and ECR (X-Amz-Target dispatch; errors as HTTP 400 {"__type","message"});
 * - awsQuery XML for STS, IAM and ELBv2 (form body with Action and Version; a handler's JSON body becomes the
 *   <Action>Result element, arrays as <member> items; errors as <ErrorResponse>);
 * - restJson1 for Lambda (the operation from the method and path; errors with the x-amzn-errortype header).
 * Every request is recorded, with its operation and body (a restJson call's path parameters are in the body).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { readonly status?: number; readonly body: unknown } | { readonly error: string; readonly message: string; readonly status?: number };
export type Handler = (body: Record<string, unknown>, callIndex: number) => Reply | Promise<Reply>;

export interface Call {
  readonly service: 'ecs' | 'ecr' | 'sts' | 'iam' | 'elbv2' | 'lambda';
  readonly op: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string;
  readonly raw: string;
}

export interface ScriptedAws {
  readonly endpoint: string;
  readonly calls: Call[];
  handlers: Record<string, Handler>;
  ops(): string[];
  close(): Promise<void>;
}

const QUERY_VERSIONS: Readonly<Record<string, Call['service']>> = { '2011-06-15': 'sts', '2010-05-08': 'iam', '2015-12-01': 'elbv2' };

/** Lambda's restJson1 routes: method and path pattern → operation, with the path parameters' names. */
const LAMBDA_ROUTES: readonly [string, RegExp, string, readonly string[]][] = [
  ['GET', /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, 'GetFunctionConfiguration', ['FunctionName']],
  ['GET', /^\/2015-03-31\/functions\/([^/]+)$/, 'GetFunction', ['FunctionName']],
  ['PUT', /^\/2015-03-31\/functions\/([^/]+)\/code$/, 'UpdateFunctionCode', ['FunctionName']],
  ['POST', /^\/2015-03-31\/functions\/([^/]+)\/versions$/, 'PublishVersion', ['FunctionName']],
  ['GET', /^\/2015-03-31\/functions\/([^/]+)\/aliases\/([^/]+)$/, 'GetAlias', ['FunctionName', 'Name']],
  ['PUT', /^\/2015-03-31\/functions\/([^/]+)\/aliases\/([^/]+)$/, 'UpdateAlias', ['FunctionName', 'Name']],
  ['POST', /^\/2015-03-31\/functions\/([^/]+)\/aliases$/, 'CreateAlias', ['FunctionName']],
  ['GET', /^\/2015-03-31\/functions\/?$/, 'ListFunctions', []],
];

export async function startScriptedAws(handlers: Record<string, Handler> = {}): Promise<ScriptedAws> {
  const calls: Call[] = [];
  const counts = new Map<string, number>();
  const state: ScriptedAws = {
    endpoint: '',
    calls,
    handlers,
    ops: () => calls.map((c) => c.op),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const request = classify(req, raw);
      calls.push({ ...request, authorization: String(req.headers.authorization ?? ''), raw });
      const n = counts.get(request.op) ?? 0;
      counts.set(request.op, n + 1);
      const handler = state.handlers[request.op];
      const reply: Reply = handler ? await handler(request.body, n) : { error: 'UnknownOperationException', message: `not scripted: ${request.op}` };
      const headers: Record<string, string> = { 'x-amzn-requestid': `req-${calls.length}` };
      if (request.service === 'sts' || request.service === 'iam' || request.service === 'elbv2') {
        headers['content-type'] = 'text/xml';
        if ('error' in reply) {
          res.writeHead(reply.status ?? 400, headers);
          res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${reply.error}</Code><Message>${escapeXml(reply.message)}</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
        } else {
          res.writeHead(reply.status ?? 200, headers);
          res.end(`<${request.op}Response><${request.op}Result>${toXml(reply.body)}</${request.op}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${request.op}Response>`);
        }
        return;
      }
      headers['content-type'] = request.service === 'lambda' ? 'application/json' : 'application/x-amz-json-1.1';
      if ('error' in reply) {
        if (request.service === 'lambda') headers['x-amzn-errortype'] = reply.error;
        res.writeHead(reply.status ?? (request.service === 'lambda' && reply.error === 'ResourceNotFoundException' ? 404 : 400), headers);
        res.end(JSON.stringify({ __type: reply.error, message: reply.message }));
      } else {
        res.writeHead(reply.status ?? 200, headers);
        res.end(JSON.stringify(reply.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  (state as { endpoint: string }).endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function classify(req: IncomingMessage, raw: string): Pick<Call, 'service' | 'op' | 'body'> {
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target) {
    return { service: target.startsWith('AmazonEC2ContainerServiceV20141113.') ? 'ecs' : 'ecr', op: target.slice(target.indexOf('.') + 1), body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
  }
  const path = decodeURI((req.url ?? '/').split('?')[0]!);
  if (path.startsWith('/2015-03-31/')) {
    for (const [method, pattern, op, names] of LAMBDA_ROUTES) {
      const m = req.method === method ? pattern.exec(path) : null;
      if (!m) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      return { service: 'lambda', op, body: { ...(raw ? (JSON.parse(raw) as Record<string, unknown>) : {}), ...params } };
    }
    return { service: 'lambda', op: `Unknown ${req.method} ${path}`, body: {} };
  }
  const params = new URLSearchParams(raw);
  return { service: QUERY_VERSIONS[params.get('Version') ?? ''] ?? 'sts', op: params.get('Action') ?? 'Unknown', body: Object.fromEntries(params) };
}

/** awsQuery XML for a JSON value: object keys become elements, arrays <member> items, Dates ISO strings. */
export function toXml(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `<${k}>${toXml(v)}</${k}>`).join('');
  return escapeXml(String(value));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
  });
}
