/** Container image references: registry/repository[:tag][@digest], written as text or built by a template. */
import type { Node } from '../../parse/tree';
import type { Located } from '../../model/located';

export interface ImageReference {
  readonly registry?: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Offsets of the tag within the reference string (after ':'), when there is a tag. */
  readonly tagStart?: number;
}

export function parseImageReference(image: string): ImageReference | undefined {
  const trimmed = image.trim();
  // A URL (`s3://bucket/key`) is no image reference: what it names is for another rule to judge.
  if (!trimmed || /\s/.test(trimmed) || trimmed.includes('://')) return undefined;
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    // A registry host has a dot or a port, or is localhost: `host:port` is not a tag.
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  const offset = trimmed.length - (digest !== undefined ? digest.length + 1 : 0) - rest.length;
  if (colon !== -1) {
    return { registry, repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest, tagStart: offset + colon + 1 };
  }
  return { registry, repository: rest, digest };
}

export type FloatingTag = 'latest' | 'untagged';

/** 'latest' when tagged :latest, 'untagged' when neither tag nor digest, else undefined (pinned enough). */
export function floatingTag(image: string): FloatingTag | undefined {
  if (/\$\{|\$[A-Za-z_]/.test(image)) return undefined; // variables are resolved elsewhere
  const ref = parseImageReference(image);
  if (!ref || ref.digest) return undefined;
  if (ref.tag === undefined) return 'untagged';
  return ref.tag === 'latest' ? 'latest' : undefined;
}

/**
 * An image reference whose text is partly unknown: literal parts, holes that may hold anything, and holes known to be
 * an ECR repository URI (`!GetAtt Repo.RepositoryUri`, `aws_ecr_repository.app.repository_url`), which has no tag.
 */
type Part = { readonly text: string } | { readonly hole: 'unknown' | 'repositoryUri' };

/** What stands for a repository URI when the whole reference is known but for such holes. */
const REPOSITORY_URI = '123456789012.dkr.ecr.region.amazonaws.com/repository';

/**
 * The floating tag an image reference certainly has, whatever its unknown parts hold: a string, a CloudFormation
 * `Fn::Sub` or `Fn::Join`, a Terraform template (`"${var.repo}:latest"`) or reference. The text after the last unknown
 * part decides: `…/app` has no tag, `…:latest` is latest, `…:${Tag}` or `${Image}` cannot be known.
 */
export function floatingTagOf(image: Located<string>): FloatingTag | undefined {
  if (image.known) return floatingTag(image.value);
  const parts = staticParts(image.node);
  if (!parts) return undefined;
  const lastUnknown = parts.map((p) => 'hole' in p && p.hole === 'unknown').lastIndexOf(true);
  const render = (list: readonly Part[]) => list.map((p) => ('text' in p ? p.text : REPOSITORY_URI)).join('');
  if (lastUnknown === -1) return floatingTag(render(parts));
  const suffix = render(parts.slice(lastUnknown + 1));
  if (suffix.includes('@') || /\$\{|\$[A-Za-z_]/.test(suffix) || /\s/.test(suffix)) return undefined;
  const slash = suffix.lastIndexOf('/');
  const colon = suffix.lastIndexOf(':');
  // `${Registry}/app`: the last path component is all static text.
  if (slash !== -1) {
    const last = suffix.slice(slash + 1);
    if (!last) return undefined;
    const tagAt = last.lastIndexOf(':');
    if (tagAt === -1) return 'untagged';
    return last.slice(tagAt + 1) === 'latest' ? 'latest' : undefined;
  }
  // `${Repository}:latest`: a tag written whole after the unknown part.
  if (colon !== -1) return suffix.slice(colon + 1) === 'latest' ? 'latest' : undefined;
  return undefined;
}

/** The image as the message shows it: its value, or the text written for it (`!Sub '…'`, `"${var.repo}:latest"`). */
export function imageText(image: Located<string>, text: string): string {
  if (image.known) return image.value;
  const written = text.slice(image.node.span.start, image.node.span.end).replace(/\s+/g, ' ');
  return written.length > 120 ? `${written.slice(0, 117)}…` : written;
}

/** Literal text and holes of a string-valued node, or undefined when its shape is not one of those read here. */
function staticParts(node: Node): Part[] | undefined {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' || typeof node.value === 'number' ? [{ text: String(node.value) }] : undefined;
    case 'intrinsic':
      if (node.name === 'Fn::Sub') return subParts(node.argument);
      if (node.name === 'Fn::Join') return joinParts(node.argument);
      if (node.name === 'Fn::GetAtt') return [{ hole: getAttName(node.argument) === 'RepositoryUri' ? 'repositoryUri' : 'unknown' }];
      return [{ hole: 'unknown' }];
    case 'expression':
      if (node.form === 'template') return node.args.flatMap((arg) => staticParts(arg) ?? [{ hole: 'unknown' as const }]);
      if (node.form === 'reference') return [{ hole: isRepositoryUrlReference(node.traversal ?? []) ? 'repositoryUri' : 'unknown' }];
      return [{ hole: 'unknown' }];
    default:
      return undefined;
  }
}

/** `!Sub 'text ${Name} text'` (or the list form, whose variables are not resolved here). */
function subParts(argument: Node): Part[] | undefined {
  const template = argument.kind === 'array' ? argument.items[0] : argument;
  if (template?.kind !== 'scalar' || typeof template.value !== 'string') return undefined;
  const parts: Part[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let match = pattern.exec(template.value); match; match = pattern.exec(template.value)) {
    if (match.index > last) parts.push({ text: template.value.slice(last, match.index) });
    const name = match[1]!.trim();
    // `${!Literal}` is the text `${Literal}`.
    if (name.startsWith('!')) parts.push({ text: `\${${name.slice(1)}}` });
    else parts.push({ hole: /\.RepositoryUri$/.test(name) ? 'repositoryUri' : 'unknown' });
    last = match.index + match[0].length;
  }
  if (last < template.value.length) parts.push({ text: template.value.slice(last) });
  return parts;
}

/** `!Join [delimiter, [parts…]]`; a list given by a function is unknown. */
function joinParts(argument: Node): Part[] | undefined {
  if (argument.kind !== 'array' || argument.items.length !== 2) return undefined;
  const [delimiter, list] = argument.items;
  if (delimiter?.kind !== 'scalar' || typeof delimiter.value !== 'string' || list?.kind !== 'array') return [{ hole: 'unknown' }];
  const out: Part[] = [];
  list.items.forEach((item, i) => {
    if (i > 0 && delimiter.value) out.push({ text: delimiter.value as string });
    out.push(...(staticParts(item) ?? [{ hole: 'unknown' as const }]));
  });
  return out;
}

function getAttName(argument: Node): string | undefined {
  if (argument.kind === 'scalar' && typeof argument.value === 'string') return argument.value.split('.').slice(1).join('.');
  if (argument.kind === 'array' && argument.items[1]?.kind === 'scalar') return String(argument.items[1].value);
  return undefined;
}

/** `aws_ecr_repository.app.repository_url` (or the data source's): an ECR repository URL, never tagged. */
function isRepositoryUrlReference(traversal: readonly (string | number)[]): boolean {
  const steps = traversal[0] === 'data' ? traversal.slice(1) : traversal;
  return steps[0] === 'aws_ecr_repository' && steps[2] === 'repository_url' && steps.length === 3;
}
