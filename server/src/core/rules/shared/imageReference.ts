/** Container image references: registry/repository[:tag][@digest]. */

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
  if (!trimmed || /\s/.test(trimmed)) return undefined;
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

/** 'latest' when tagged :latest, 'untagged' when neither tag nor digest, else undefined (pinned enough). */
export function floatingTag(image: string): 'latest' | 'untagged' | undefined {
  if (/\$\{|\$[A-Za-z_]/.test(image)) return undefined; // variables are resolved elsewhere
  const ref = parseImageReference(image);
  if (!ref || ref.digest) return undefined;
  if (ref.tag === undefined) return 'untagged';
  return ref.tag === 'latest' ? 'latest' : undefined;
}
