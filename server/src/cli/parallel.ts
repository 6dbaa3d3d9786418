/**
 * `berth lint` on many files with two threads: this one and a worker running the same bundle. Each thread
 * prepares its share (a folder with a Dockerfile stays whole: its rules read the folder), then tells the other
 * which link keys its documents carry (task families, Dockerfiles named, deploy targets). Each thread then
 * also prepares the other share's documents that share a key with its own, indexes its own and those in
 * the original file order, and lints its own. The cross-file rules read the index only through those
 * links, so every finding, and the order of everything printed, is what one thread produces
 * (test/cli/parallel.test.ts compares both).
 *
 * The main thread waits synchronously (Atomics.wait + receiveMessageOnPort), so lintTargets stays a plain
 * function. Any failure of the worker falls back to one thread. BERTH_WORKERS=0 turns this off;
 * BERTH_WORKERS=force uses two threads whatever the number of files (for tests).
 */
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname } from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnalyzeSettings, PreparedDocument } from '../core/analyze';
import { isDockerfileName } from '../core/kinds/detect';
import { dockerfilesNamedBy } from '../core/workspace/dockerfileLinks';
import { resolveUri } from '../core/workspace/references';
import { folderOf, parseTaskDefinitionReference, type IndexedDocument } from '../core/workspace/index';
import { toIndexed } from '../core/analyze';
import type { Target } from '../io/files';
import { cliError, indexDocument, lintPrepared, newIndex, prepareTarget, withoutRepeats, type CliFinding, type DeployTargetsOf, type LintRun } from './pipeline';

/** Below this many files one thread is faster (a worker costs ~100 ms to start). */
const MIN_FILES = 200;
/** Folders with at most this many files are never split. */
const SMALL_FOLDER = 16;
/** Give up on a worker that reports no progress for this long (it may have died). */
const STALL_MS = 120_000;

/** Slots of the shared Int32Array: a message is waiting; files the worker has prepared so far. */
const POSTED = 0;
const PROGRESS = 1;

export interface ShardJob {
  readonly targets: readonly Target[];
  readonly settings: AnalyzeSettings;
  readonly deploy?: DeployTargetsOf;
  /** Indexes into targets, ascending. */
  readonly own: readonly number[];
}

interface WorkerData {
  readonly berthLintShard: ShardJob & { readonly port: MessagePort; readonly signal: Int32Array };
}

/** An internal error with where it happened, so both threads' lists merge into the one-thread order. */
interface TaggedError {
  /** 0: reading, preparing, indexing; 1: linting. */
  readonly phase: 0 | 1;
  readonly i: number;
  readonly text: string;
}

interface ShardResult {
  readonly findings: [number, CliFinding[]][];
  readonly filesChecked: number;
  readonly errors: TaggedError[];
}

type ToMain = { type: 'keys'; keys: [number, string[]][] } | ({ type: 'done' } & ShardResult) | { type: 'error'; message: string };

/** Two threads when it pays; undefined means "do it on this thread". */
export function lintInParallel(targets: readonly Target[], settings: AnalyzeSettings, deploy: DeployTargetsOf | undefined): LintRun | undefined {
  const mode = process.env['BERTH_WORKERS'];
  if (mode === '0' || !isMainThread) return undefined;
  // A second thread pays only on a second idle core (like make --load-average): on a busy machine it
  // adds its start-up and the shared documents to the work of the one core there is.
  const cores = availableParallelism();
  if (mode !== 'force' && (targets.length < MIN_FILES || cores < 2 || loadavg()[0]! > cores - 1)) return undefined;
  // Only the CLI bundle (dist/cli-main.js, whose main.ts runs a shard) can start itself as a worker; from source
  // (tsx) or inside another bundle (dist/deploy.js) one thread does it all.
  if (!/(^|[\\/])cli-main\.js$/.test(__filename)) return undefined;
  const [mine, theirs] = partition(targets);
  if (!mine.length || !theirs.length) return undefined;

  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const data: WorkerData = { berthLintShard: { targets, settings, deploy, own: theirs, port: port2, signal } };
    worker = new Worker(__filename, { workerData: data, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  try {
    const shard = new Shard({ targets, settings, deploy, own: mine });
    shard.prepareOwn();
    const keys = receive(port1, signal);
    if (keys?.type !== 'keys') return undefined;
    const theirKeys = new Map(keys.keys);
    const myKeys = shard.keys();
    port1.postMessage({ type: 'foreign', indices: sharing(myKeys, theirKeys) });
    const mineDone = shard.finish(sharing(theirKeys, myKeys));
    const theirsDone = receive(port1, signal);
    if (theirsDone?.type !== 'done') return undefined;
    if (process.env['BERTH_DEBUG']) process.stderr.write(`berth: linted ${targets.length} files on 2 threads\n`);
    return merge(targets.length, [mineDone, theirsDone]);
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** The worker's side (main.ts calls it when started as a worker). */
export function runLintShard(data: WorkerData['berthLintShard']): void {
  const { port, signal } = data;
  const post = (message: ToMain) => {
    port.postMessage(message);
    Atomics.store(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  };
  try {
    const shard = new Shard(data, () => Atomics.add(signal, PROGRESS, 1));
    shard.prepareOwn();
    post({ type: 'keys', keys: [...shard.keys()] });
    port.once('message', (message: { indices: number[] }) => {
      try {
        post({ type: 'done', ...shard.finish(message.indices) });
      } catch (error) {
        post({ type: 'error', message: String(error) });
      }
      port.close();
    });
  } catch (error) {
    post({ type: 'error', message: String(error) });
    port.close();
  }
}

/** Waits (blocking this thread) for the worker's next message; undefined if it stalls. */
function receive(port: MessagePort, signal: Int32Array): ToMain | undefined {
  let progress = Atomics.load(signal, PROGRESS);
  let since = Date.now();
  for (;;) {
    Atomics.store(signal, POSTED, 0);
    const got = receiveMessageOnPort(port);
    if (got) return got.message as ToMain;
    Atomics.wait(signal, POSTED, 0, 200);
    const now = Atomics.load(signal, PROGRESS);
    if (now !== progress) {
      progress = now;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) {
      return undefined;
    }
  }
}

/**
 * Files to the two shares, balanced by an estimate of their cost (bytes; YAML parses ~3 × slower than
 * JSON). A folder holding a Dockerfile stays whole (the Dockerfile rules read the documents beside it), and
 * so does a small one; large folders of templates are split file by file.
 * Each share keeps the original order.
 */
function partition(targets: readonly Target[]): [number[], number[]] {
  const count = new Map<string, number>();
  const whole = new Set<string>();
  for (const target of targets) {
    const folder = dirname(target.absolute);
    count.set(folder, (count.get(folder) ?? 0) + 1);
    if (isDockerfileName(basename(target.absolute))) whole.add(folder);
  }
  const groups = new Map<string, { indices: number[]; weight: number }>();
  targets.forEach((target, i) => {
    const folder = dirname(target.absolute);
    // Small folders stay whole too: files that refer to each other (a service and its task definition)
    // usually sit together, and each one split off would be prepared by both threads.
    const key = whole.has(folder) || count.get(folder)! <= SMALL_FOLDER ? `folder:${folder}` : `file:${i}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { indices: [], weight: 0 }));
    group.indices.push(i);
    let size = 0;
    try {
      size = target.error === undefined ? statSync(target.absolute).size : 0;
    } catch {
      // unreadable: reported by whichever thread gets it
    }
    // Every file costs something (reading, detecting), however small.
    group.weight += 2048 + Math.min(size, 5 * 1024 * 1024) * (/\.ya?ml$/i.test(target.absolute) ? 3 : 1);
  });
  const shares: [number[], number[]] = [[], []];
  const weights = [0, 0];
  for (const group of [...groups.values()].sort((a, b) => b.weight - a.weight)) {
    const s = weights[0]! <= weights[1]! ? 0 : 1;
    shares[s].push(...group.indices);
    weights[s]! += group.weight;
  }
  return [shares[0].sort((a, b) => a - b), shares[1].sort((a, b) => a - b)];
}

/**
 * Documents of `from` that documents of `to` may read. A key is offered and sought; `?key` is only sought,
 * `!key` only offered.
 */
function sharing(from: Map<number, string[]>, to: Map<number, string[]>): number[] {
  const sought = new Set<string>();
  for (const keys of to.values()) for (const key of keys) if (!key.startsWith('!')) sought.add(key.replace(/^\?/, ''));
  const out: number[] = [];
  for (const [i, keys] of from) if (keys.some((key) => !key.startsWith('?') && sought.has(key.replace(/^!/, '')))) out.push(i);
  return out.sort((a, b) => a - b);
}

function merge(count: number, results: ShardResult[]): LintRun {
  const perTarget: CliFinding[][] = Array.from({ length: count }, () => []);
  const errors: TaggedError[] = [];
  let filesChecked = 0;
  for (const result of results) {
    for (const [i, findings] of result.findings) perTarget[i] = findings;
    errors.push(...result.errors);
    filesChecked += result.filesChecked;
  }
  // Array.prototype.sort is stable: a file's errors keep their order.
  errors.sort((a, b) => a.phase - b.phase || a.i - b.i);
  return { findings: withoutRepeats(perTarget.flat()), filesChecked, internalErrors: errors.map((e) => e.text) };
}

/**
 * The keys through which a document's findings can depend on another document (or its on this one's): a
 * superset of what the cross-file rules look up (task definition families, Dockerfiles named by templates
 * and serverless.yml, deploy targets). Same-folder links need no key: a folder is never split.
 */
function linkKeys(doc: IndexedDocument, deployKeys: ReadonlyMap<string, string[]>): string[] {
  const keys: string[] = [];
  // As the index keeps them: API task definitions by family, API services by the family they run.
  for (const td of doc.model.taskDefinitions) {
    if (td.shape !== 'api' || !td.family?.known) continue;
    keys.push(`!task:${td.family.value}`, `?service:${td.family.value}`);
  }
  for (const service of doc.model.services) {
    const ref = service.taskDefinition?.known ? parseTaskDefinitionReference(service.taskDefinition.value) : undefined;
    if (!ref) continue;
    keys.push(`?task:${ref.family}`);
    if (service.shape === 'api') keys.push(`!service:${ref.family}`);
  }
  for (const uri of dockerfilesNamedBy(doc)) keys.push(`dockerfile:${uri}`);
  if (doc.kind === 'dockerfile') keys.push(`dockerfile:${doc.uri}`);
  // A Dockerfile reads its folder's documents (partition keeps such folders whole; this covers the rest).
  keys.push(doc.kind === 'dockerfile' ? `?folder:${folderOf(doc.uri)}` : `!folder:${folderOf(doc.uri)}`);
  keys.push(...(deployKeys.get(doc.uri) ?? []));
  return keys;
}

class Shard {
  private readonly docs = new Map<number, PreparedDocument>();
  private readonly findings = new Map<number, CliFinding[]>();
  private readonly errors: TaggedError[] = [];
  private filesChecked = 0;
  private readonly deployKeys = new Map<string, string[]>();

  constructor(
    private readonly job: ShardJob,
    private readonly progress: () => void = () => undefined,
  ) {
    const { deploy } = job;
    deploy?.targets.forEach((target, n) => {
      const folder = folderOf(deploy.configUri);
      for (const path of [target.dockerfile, target.taskDefinition]) {
        if (path === undefined) continue;
        const uri = resolveUri(folder, path);
        this.deployKeys.set(uri, [...(this.deployKeys.get(uri) ?? []), `deploy:${n}`]);
      }
    });
  }

  prepareOwn(): void {
    for (const i of this.job.own) {
      const errors: string[] = [];
      const step = prepareTarget(this.job.targets[i]!, this.job.settings, errors);
      this.tag(0, i, errors);
      this.findings.set(i, step.findings);
      if (step.checked) this.filesChecked++;
      if (step.doc) this.docs.set(i, step.doc);
      this.progress();
    }
  }

  keys(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const [i, doc] of this.docs) {
      const indexed = toIndexed(doc);
      const keys = indexed ? linkKeys(indexed, this.deployKeys) : [];
      if (keys.length) out.set(i, keys);
    }
    return out;
  }

  /** Prepares the other share's documents linked to this one's, indexes all in file order, lints this share's. */
  finish(foreign: readonly number[]): ShardResult {
    const all = new Map<number, { doc: PreparedDocument; own: boolean }>();
    for (const [i, doc] of this.docs) all.set(i, { doc, own: true });
    for (const i of foreign) {
      const step = prepareTarget(this.job.targets[i]!, this.job.settings, []);
      if (step.doc) all.set(i, { doc: step.doc, own: false });
      this.progress();
    }
    const index = newIndex(this.job.deploy);
    const toLint: number[] = [];
    for (const i of [...all.keys()].sort((a, b) => a - b)) {
      const { doc, own } = all.get(i)!;
      if (!own) {
        try {
          indexDocument(index, doc, false);
        } catch {
          // its own thread reports it
        }
        continue;
      }
      const errors: string[] = [];
      try {
        indexDocument(index, doc);
      } catch (error) {
        this.findings.get(i)!.push(cliError(this.job.targets[i]!, error, errors));
        this.tag(0, i, errors);
        continue;
      }
      if (doc.kind) toLint.push(i);
    }
    for (const i of toLint) {
      const errors: string[] = [];
      this.findings.get(i)!.push(...lintPrepared(this.job.targets[i]!, this.docs.get(i)!, index, this.job.settings, errors));
      this.tag(1, i, errors);
      this.progress();
    }
    return { findings: [...this.findings], filesChecked: this.filesChecked, errors: this.errors };
  }

  private tag(phase: 0 | 1, i: number, texts: readonly string[]): void {
    for (const text of texts) this.errors.push({ phase, i, text });
  }
}
