import { API_GATEWAY_INTEGRATION_TIMEOUT, API_GATEWAY_WEBSOCKET_INTEGRATION_TIMEOUT } from '../../facts/lambda';
import { functionLabel, keyOf } from '../../model/lambda';
import { lambdaLinksOf, type ApiIntegration } from '../../model/lambdaLinks';
import { defineRule } from '../defineRule';

const DEFAULT_LIMIT: Readonly<Record<ApiIntegration['api'], number>> = {
  rest: API_GATEWAY_INTEGRATION_TIMEOUT.rest,
  http: API_GATEWAY_INTEGRATION_TIMEOUT.http,
  websocket: API_GATEWAY_WEBSOCKET_INTEGRATION_TIMEOUT,
};

const API_LABEL: Readonly<Record<ApiIntegration['api'], string>> = { rest: 'REST API', http: 'HTTP API', websocket: 'WebSocket API' };

export default defineRule({
  id: 'lambda/valid-api-gateway-timeout',
  kinds: ['cloudformation', 'serverless-framework', 'terraform'],
  severity: 'warning',
  docs: {
    summary: 'Require a function behind API Gateway to time out within the integration timeout',
    concept: 'api-gateway-lambda',
    reference: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
  },
  messages: {
    overIntegration:
      '{key} {timeout} s of {name} is longer than the {limit} s after which its API Gateway integration ({api}) gives up: callers get a 504 while the function keeps running, and billing. Keep {key} at {limit} s or less, or make the long work asynchronous (queue it, answer 202 and let the client poll).',
  },
  check(ctx) {
    const byFunction = new Map<object, { link: ApiIntegration; limit: number }[]>();
    for (const link of lambdaLinksOf(ctx.model).apiIntegrations) {
      if (link.timeoutMillis && !link.timeoutMillis.known) continue;
      const limit = link.timeoutMillis?.known ? link.timeoutMillis.value / 1000 : DEFAULT_LIMIT[link.api];
      const list = byFunction.get(link.fn) ?? [];
      list.push({ link, limit });
      byFunction.set(link.fn, list);
    }
    for (const list of byFunction.values()) {
      const fn = list[0]!.link.fn;
      const timeout = fn.timeout;
      if (!timeout?.known) continue;
      const over = list.filter((l) => timeout.value > l.limit);
      if (over.length === 0) continue;
      const tightest = over.reduce((a, b) => (b.limit < a.limit ? b : a));
      ctx.report({
        at: timeout,
        messageId: 'overIntegration',
        data: { key: keyOf(timeout, 'Timeout'), timeout: timeout.value, name: functionLabel(fn), limit: tightest.limit, api: API_LABEL[tightest.link.api] },
        related: over.map((l) => ({ at: l.link.at, message: `${API_LABEL[l.link.api]} integration, ${l.limit} s timeout` })),
      });
    }
  },
});
