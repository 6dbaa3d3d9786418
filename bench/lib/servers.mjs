// How to start Berth and each peer, and how to install the peers (pinned) into a cache folder
// outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CFN_CUSTOM_TAGS } from './schema.mjs';

/** Pinned peers. yaml-language-server 2.x needs Node 22, so the last 1.x line is used on Node 20. */
export const PEERS = {
  'yaml-language-server': '1.25.0',
  'vscode-langservers-extracted': '4.10.0',
  'dockerfile-language-server-nodejs': '0.15.0',
};

export const PEER_CACHE = process.env.BERTH_BENCH_CACHE || path.join(os.homedir(), '.cache', 'berth-bench');

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs the pinned peers into PEER_CACHE when any is missing or at another version. Idempotent. */
export function ensurePeers(log) {
  const missing = Object.entries(PEERS).filter(([name, version]) => installedVersion(PEER_CACHE, name) !== version);
  if (missing.length) {
    mkdirSync(PEER_CACHE, { recursive: true });
    const manifest = path.join(PEER_CACHE, 'package.json');
    if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true, "description": "Peers for Berth bench/run.mjs" }\n');
    const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
    log(`installing peers into ${PEER_CACHE}: ${specs.join(' ')}`);
    execFileSync('npm', ['install', '--prefix', PEER_CACHE, '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', ...specs], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 5 * 60 * 1000,
    });
  }
  const versions = Object.fromEntries(Object.keys(PEERS).map((name) => [name, installedVersion(PEER_CACHE, name)]));
  for (const [name, version] of Object.entries(PEERS)) {
    if (versions[name] !== version) throw new Error(`peer ${name}@${version} is not installed in ${PEER_CACHE} (found ${versions[name]})`);
  }
  return versions;
}

/** Node flags the VS Code client starts the server with (SERVER_NODE_FLAGS in client/src/languageClient.ts). */
export const BERTH_NODE_FLAGS = ['--max-semi-space-size=2'];
/** The environment it adds (SERVER_ENV there: glibc's mmap threshold fixed at its default). */
export const BERTH_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

export function berthServer(binDir) {
  return {
    name: 'berth',
    script: path.join(binDir, 'server.js'),
    nodeArgs: BERTH_NODE_FLAGS,
    env: BERTH_ENV,
    initializationOptions: { settings: { validation: { debounceMs: 0 } } },
  };
}

/** yaml-language-server with the mini CloudFormation schema on cfn-*.yaml, its short tags, no schema store. */
export function yamlServer(schemaFile) {
  const settings = {
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      customTags: CFN_CUSTOM_TAGS,
      schemas: { [pathToFileURL(schemaFile).href]: ['**/cfn-*.yaml'] },
    },
  };
  return {
    name: 'yaml-language-server',
    script: path.join(PEER_CACHE, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
    /** Its validation delay (yamlSettings.validationDelayMs), fixed, not configurable. */
    builtInDelayMs: 200,
    // It pulls its settings (workspace/configuration) when told they changed.
    configuration: (section) => (section === 'yaml' ? settings.yaml : section === 'http' || section === '[yaml]' ? {} : null),
    afterInit: (session) => session.notify('workspace/didChangeConfiguration', { settings: null }),
  };
}

/** vscode-json-language-server in pull mode with the same schema on cfn-*.json. */
export function jsonServer(schemaFile) {
  const settings = {
    json: { validate: { enable: true }, schemas: [{ fileMatch: ['cfn-*.json'], url: pathToFileURL(schemaFile).href }] },
    http: { proxyStrictSSL: true },
  };
  return {
    name: 'vscode-json-language-server',
    script: path.join(PEER_CACHE, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server'),
    pull: true,
    initializationOptions: { provideFormatter: false },
    afterInit: (session) => session.notify('workspace/didChangeConfiguration', { settings }),
  };
}

export function dockerServer() {
  return {
    name: 'dockerfile-language-server',
    script: path.join(PEER_CACHE, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'),
  };
}
