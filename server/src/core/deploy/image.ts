/**
 * The image half of a deploy, pure: tags and references, the ECR token, the push digest, whether a tag may be
 * pushed to a repository, and what the built image's configuration says about where it can run.
 */

// ---- tags and references -------------------------------------------------------------------

/** The image tag: git short SHA (+ `-dirty`, + a timestamp so a dirty tag is never reused), or a timestamp outside git. */
export function imageTag(git: { readonly sha?: string; readonly dirty?: boolean }, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-').toLowerCase();
  if (git.sha === undefined || !/^[0-9a-f]{4,40}$/.test(git.sha)) return `build-${stamp}`;
  return git.dirty ? `${git.sha}-dirty-${stamp}` : git.sha;
}

/** `123456789012.dkr.ecr.eu-west-1.amazonaws.com` from a proxyEndpoint such as `https://…amazonaws.com`. */
export function registryHostOf(proxyEndpoint: string): string {
  return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

/** The registry host ECR gives an account and region (before any AWS call: the plan names it). */
export function ecrHost(account: string | undefined, region: string | undefined): string {
  return `${account ?? '<account>'}.dkr.ecr.${region ?? '<region>'}.amazonaws.com`;
}

export function imageRef(host: string, repository: string, tagOrDigest: string): string {
  return tagOrDigest.startsWith('sha256:') ? `${host}/${repository}@${tagOrDigest}` : `${host}/${repository}:${tagOrDigest}`;
}

/** The image a plan's task definition names: the digest is only known after the push. */
export function plannedImage(host: string, repository: string): string {
  return `${host}/${repository}@<digest after push>`;
}

/** The user and password in an ECR authorization token (base64 of `user:password`). */
export function decodeAuthorizationToken(token: string): { user: string; password: string } | undefined {
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(token.trim()), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The digest in push output: docker/finch print `…: digest: sha256:<64 hex> size: N`. */
export function digestFromPushOutput(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
  return matches.length > 0 ? matches[matches.length - 1]![1] : undefined;
}

export function isDigest(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}

// ---- tag mutability ------------------------------------------------------------------------

/** The parts of an ECR Repository that say whether a tag can be pushed again. */
export interface RepositoryView {
  readonly imageTagMutability?: string;
  readonly imageTagMutabilityExclusionFilters?: readonly { readonly filterType?: string; readonly filter?: string }[];
}

/**
 * Whether pushing `tag` to the repository may not replace an existing image of that tag. IMMUTABLE (the default
 * Berth creates) and MUTABLE say it for every tag; the *_WITH_EXCLUSION settings turn it around for the tags
 * their wildcard filters match (`*` matches any run of characters).
 */
export function tagIsImmutable(repository: RepositoryView | undefined, tag: string): boolean {
  const mutability = repository?.imageTagMutability ?? 'IMMUTABLE';
  const immutable = mutability.startsWith('IMMUTABLE');
  if (!mutability.endsWith('_WITH_EXCLUSION')) return immutable;
  const excluded = (repository?.imageTagMutabilityExclusionFilters ?? []).some((f) => f.filter !== undefined && wildcard(f.filter).test(tag));
  return excluded ? !immutable : immutable;
}

function wildcard(filter: string): RegExp {
  return new RegExp(`^${filter.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

// ---- the built image -----------------------------------------------------------------------

/** What the container CLI's `image inspect` says about a built image (docker, podman and finch agree on these). */
export interface ImageConfigView {
  readonly os?: string;
  readonly architecture?: string;
  readonly entrypoint?: readonly string[];
  readonly cmd?: readonly string[];
  readonly env?: readonly string[];
  /** The image's history (`CreatedBy` of each layer), newest first. */
  readonly history?: readonly string[];
}

/** Reads `<cli> image inspect` JSON (an array of one image); undefined when it is not that. */
export function parseImageInspect(json: string): ImageConfigView | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const image = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  if (!image || typeof image !== 'object') return undefined;
  const config = (image.Config ?? image.config ?? {}) as Record<string, unknown>;
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined);
  return {
    ...(typeof image.Os === 'string' ? { os: image.Os } : {}),
    ...(typeof image.Architecture === 'string' ? { architecture: image.Architecture } : {}),
    ...(strings(config.Entrypoint) ? { entrypoint: strings(config.Entrypoint)! } : {}),
    ...(strings(config.Cmd) ? { cmd: strings(config.Cmd)! } : {}),
    ...(strings(config.Env) ? { env: strings(config.Env)! } : {}),
  };
}

/** `linux/arm64` for an image's os and architecture (`aarch64` and `x86_64` spelled as Go spells them). */
export function imagePlatform(image: ImageConfigView): string | undefined {
  if (!image.architecture) return undefined;
  const arch = { aarch64: 'arm64', x86_64: 'amd64' }[image.architecture] ?? image.architecture;
  return `${image.os ?? 'linux'}/${arch}`;
}

/** The platform a Lambda function architecture runs (`x86_64` → linux/amd64, `arm64` → linux/arm64). */
export function lambdaPlatform(architecture: string | undefined): string {
  return architecture === 'arm64' ? 'linux/arm64' : 'linux/amd64';
}

/** The Express Mode cpuArchitecture for a build platform. */
export function expressArchitecture(platform: string): 'ARM64' | 'X86_64' {
  return platform.endsWith('/arm64') ? 'ARM64' : 'X86_64';
}

export type RuntimeClientVerdict =
  | { readonly state: 'ok'; readonly why: string }
  | { readonly state: 'missing'; readonly why: string }
  | { readonly state: 'unknown'; readonly why: string };

/**
 * Whether a container image can start as a Lambda function: something must run (the function's ImageConfig
 * overrides the image's ENTRYPOINT and CMD), and that something must speak the Lambda Runtime API. AWS's base
 * images (LAMBDA_RUNTIME_DIR is set) and the runtime interface clients AWS publishes are recognised; any other
 * entrypoint may still implement the API itself (a Go or Rust binary does), so it is `unknown`, never `missing`.
 */
export function lambdaRuntimeClient(image: ImageConfigView, override: { readonly entryPoint?: readonly string[]; readonly command?: readonly string[] } = {}): RuntimeClientVerdict {
  const entrypoint = override.entryPoint?.length ? override.entryPoint : (image.entrypoint ?? []);
  const command = override.command?.length ? override.command : (image.cmd ?? []);
  if (entrypoint.length === 0 && command.length === 0) {
    return { state: 'missing', why: 'the image has no ENTRYPOINT or CMD, and the function sets no ImageConfig, so Lambda has nothing to start' };
  }
  if ((image.env ?? []).some((e) => e.startsWith('LAMBDA_RUNTIME_DIR=') || e.startsWith('LAMBDA_TASK_ROOT='))) {
    return { state: 'ok', why: 'built on an AWS Lambda base image (LAMBDA_RUNTIME_DIR is set)' };
  }
  const started = [...entrypoint, ...command].join(' ');
  const evidence = [started, ...(image.history ?? [])].join('\n');
  const client = RUNTIME_CLIENTS.find((c) => c.test(evidence));
  if (client) return { state: 'ok', why: `a Lambda runtime interface client is in the image (${client.source.replace(/\\/g, '')})` };
  return { state: 'unknown', why: `"${started}" is not an AWS Lambda base image or a known runtime interface client; it must implement the Lambda Runtime API itself (for example with awslambdaric, aws-lambda-ric or a Go/Rust runtime library)` };
}

/** The runtime interface clients and emulator AWS publishes, as they appear in entrypoints and build history. */
const RUNTIME_CLIENTS: readonly RegExp[] = [/awslambdaric/, /aws-lambda-ric/, /aws_lambda_ric/, /lambda-entrypoint\.sh/, /aws-lambda-rie/, /aws-lambda-java-runtime-interface-client/, /Amazon\.Lambda\.RuntimeSupport/, /aws-lambda-cpp/, /aws-lambda-go/, /lambda_runtime/];
