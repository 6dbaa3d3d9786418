/**
 * A small scripted AWS endpoint on 127.0.0.1: awsJson1_1 for ECS and ECR (X-Amz-Target dispatch; errors as
 * HTTP 400 {"__type","message"}), awsQuery XML for STS GetCallerIdentity. The real SDK signs, retries and
 * decodes against it. Every request is recorded, with its operation and body.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { readonly status?: number; readonly body: unknown } | { readonly error: string; readonly message: string; readonly status?: number };
export type Handler = (body: Record<string, unknown>, callIndex: number) => Reply | Promise<Reply>;

export interface Call {
  readonly service: 'ecs' | 'ecr' | 'sts';
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
      const target = String(req.headers['x-amz-target'] ?? '');
      let service: Call['service'];
      let op: string;
      let body: Record<string, unknown> = {};
      if (target) {
        service = target.startsWith('AmazonEC2ContainerServiceV20141113.') ? 'ecs' : 'ecr';
        op = target.slice(target.indexOf('.') + 1);
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } else {
        service = 'sts';
        const params = new URLSearchParams(raw);
        op = params.get('Action') ?? 'Unknown';
        body = Object.fromEntries(params);
      }
      calls.push({ service, op, body, authorization: String(req.headers.authorization ?? ''), raw });
      const n = counts.get(op) ?? 0;
      counts.set(op, n + 1);
      const handler = state.handlers[op];
      const reply: Reply = handler ? await handler(body, n) : { error: 'UnknownOperationException', message: `not scripted: ${op}` };
      const headers: Record<string, string> = { 'x-amzn-requestid': `req-${calls.length}` };
      if (service === 'sts') {
        headers['content-type'] = 'text/xml';
        if ('error' in reply) {
          res.writeHead(reply.status ?? 403, headers);
          res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${reply.error}</Code><Message>${reply.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`);
        } else {
          const b = reply.body as { Account: string; Arn: string; UserId: string };
          res.writeHead(200, headers);
          res.end(
            `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${b.Arn}</Arn><UserId>${b.UserId}</UserId><Account>${b.Account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
          );
        }
        return;
      }
      headers['content-type'] = 'application/x-amz-json-1.1';
      if ('error' in reply) {
        res.writeHead(reply.status ?? 400, headers);
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
  });
}
