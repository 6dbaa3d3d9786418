// Dockerfiles of a given number of instructions: multi-stage builds with the usual instructions.
import { rng } from './templates.mjs';

function stage(k, r) {
  const base = k === 0 ? 'node:20.18-bookworm' : `${['debian:12.8-slim', 'node:20.18-bookworm-slim', 'python:3.12.7-slim'][k % 3]}`;
  const out = [
    `FROM ${base} AS stage-${k}`,
    `ARG VERSION_${k}=1.${k}.0`,
    `ENV PORT=8080 STAGE_NAME=stage-${k}`,
    `WORKDIR /srv/stage-${k}`,
    `LABEL org.opencontainers.image.title="stage-${k}" org.opencontainers.image.version="\${VERSION_${k}}"`,
    [
      'RUN apt-get update \\',
      `    && apt-get install -y --no-install-recommends ca-certificates curl git-${k % 7} \\`,
      '    && rm -rf /var/lib/apt/lists/*',
    ].join('\n'),
    k === 0 ? 'COPY package.json package-lock.json ./' : `COPY --from=stage-${k - 1} /srv/stage-${k - 1}/dist ./dist`,
    `RUN set -eux; for f in dist/*.js; do echo "$f" >> manifest-${k}.txt; done`,
    `RUN ${pick(r, ['npm ci --omit=dev', 'pip install --no-cache-dir -r requirements.txt', 'make -j2 build'])}`,
    `EXPOSE ${8080 + (k % 10)}`,
  ];
  return out;
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

/** A Dockerfile of exactly `instructions` instructions (RUN continuations count once). */
export function dockerfile(instructions, seed = 3) {
  const r = rng(seed);
  const all = ['# syntax=docker/dockerfile:1.7'];
  const body = [];
  for (let k = 0; body.length < instructions; k++) body.push(...stage(k, r));
  body.length = Math.max(0, instructions - 3);
  body.push('USER 1000:1000', 'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8080/health || exit 1', 'CMD ["node", "dist/server.js"]');
  if (instructions < 4) body.splice(0, body.length, 'FROM node:20.18-bookworm-slim', 'COPY . .', 'CMD ["node", "index.js"]');
  all.push(...body.slice(0, instructions));
  return `${all.join('\n')}\n`;
}
