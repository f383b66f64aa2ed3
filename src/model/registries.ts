import type { ImageRef } from './image-ref.js';
import { withoutTrailing } from './trim.js';

/** Names Docker Hub goes by; an image without a registry comes from it. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

/** `settings.trustedRegistries`: a list of registries (globs allowed); null when unset or empty. */
export function trustedRegistries(settings: Record<string, unknown>): string[] | null {
  const value = settings.trustedRegistries;
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
  return list.length ? list.map((item) => item.trim()) : null;
}

/** The registry an image is pulled from: `docker.io` when the reference names none. */
export function registryOf(ref: ImageRef): string {
  return ref.registry?.toLowerCase() ?? 'docker.io';
}

/**
 * True when the image's registry matches a trusted entry. An entry is a registry host
 * (`ghcr.io`, `localhost:5000`), a host with `*` wildcards (`*.artifactory.example.com`, `registry.*`),
 * or a host and path prefix (`gcr.io/distroless`) that trusts only that part of a shared registry.
 * Any Docker Hub name trusts images written without a registry.
 */
export function isTrustedRegistry(ref: ImageRef, trusted: string[]): boolean {
  const registry = registryOf(ref);
  const repository = `${registry}/${ref.registry ? ref.name : ref.name.includes('/') ? ref.name : `library/${ref.name}`}`.toLowerCase();
  return trusted.some((entry) => {
    const pattern = withoutTrailing(entry.toLowerCase(), '/');
    const slash = pattern.indexOf('/');
    if (slash >= 0) {
      const host = pattern.slice(0, slash);
      const hostMatches = globMatch(host, registry) || (DOCKER_HUB.has(host) && DOCKER_HUB.has(registry));
      const path = pattern.slice(slash + 1);
      const imagePath = repository.slice(repository.indexOf('/') + 1);
      return hostMatches && (globMatch(path, imagePath) || imagePath.startsWith(`${path}/`));
    }
    if (DOCKER_HUB.has(pattern) && DOCKER_HUB.has(registry)) return true;
    return globMatch(pattern, registry);
  });
}

/** `*` matches any run of characters (hadolint's `*.example.com` and `example.*`); the rest is literal. */
function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(text);
}
