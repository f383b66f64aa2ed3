/** A container image reference split the way Docker's reference grammar splits it. */
export interface ImageRef {
  /** `ghcr.io`, `localhost:5000`; undefined for Docker Hub. */
  registry?: string;
  /** Repository path without registry: `library/node` is written `node`. */
  name: string;
  tag?: string;
  digest?: string;
}

/** Parse `[registry/]name[:tag][@digest]`. Returns null for empty or variable-only text. */
export function parseImageRef(reference: string): ImageRef | null {
  const text = reference.trim();
  if (!text || /\s/.test(text)) return null;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (!rest) return null;
  return { registry, name: rest, tag: tag || undefined, digest: digest || undefined };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.name}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The last path component: `nvcr.io/nvidia/pytorch` → `pytorch`. */
export function imageBaseName(ref: ImageRef): string {
  return ref.name.slice(ref.name.lastIndexOf('/') + 1);
}

/** One spelling per image, for comparing references: `library/` dropped, a missing tag read as `latest`. */
export function normalizedImageName(text: string): string | null {
  const ref = parseImageRef(text);
  if (!ref) return null;
  return formatImageRef({ ...ref, name: ref.name.replace(/^library\//, ''), tag: ref.tag ?? (ref.digest ? undefined : 'latest') });
}
