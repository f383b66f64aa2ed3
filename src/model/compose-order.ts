/**
 * Orders the compose style rules agree on (dclint's defaults), and the one question they all ask:
 * which items come after an item they should follow?
 */

/** Service keys in groups, in order (dclint's `service-keys-order` defaults); other keys follow, A→Z. */
export const SERVICE_KEY_GROUPS: string[][] = [
  ['image', 'build', 'container_name'],
  ['depends_on'],
  ['volumes', 'volumes_from', 'configs', 'secrets'],
  ['environment', 'env_file'],
  ['ports', 'networks', 'network_mode', 'extra_hosts'],
  ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  ['logging', 'labels'],
  ['user', 'isolation'],
];

/** Top-level keys in order; `x-*` stands for every extension key (which keep their own order). */
export const TOP_LEVEL_ORDER = ['x-*', 'version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models'];

/** Rank of a top-level key: its place in `order` (`x-*` matching `x-…`), unknown keys last. */
export function topLevelRank(key: string, order: string[]): number {
  const index = order.findIndex((entry) => (entry.endsWith('*') ? key.startsWith(entry.slice(0, -1)) : entry === key));
  return index < 0 ? order.length : index;
}

export interface Misplaced {
  /** The item that comes too late. */
  index: number;
  /** The first earlier item it should precede: where it belongs at the latest. */
  before: number;
}

/** Items placed after one they should precede, by `compare` (negative: a first). */
export function misplacedItems<T>(items: T[], compare: (a: T, b: T) => number): Misplaced[] {
  const found: Misplaced[] = [];
  for (let index = 1; index < items.length; index++) {
    const before = items.slice(0, index).findIndex((earlier) => compare(earlier, items[index]!) > 0);
    if (before >= 0) found.push({ index, before });
  }
  return found;
}

/** The indexes of `items` in sorted order; equal items keep their order. */
export function sortedOrder<T>(items: T[], compare: (a: T, b: T) => number): number[] {
  return items.map((_, index) => index).sort((a, b) => compare(items[a]!, items[b]!) || a - b);
}

/** Plain alphabetical order for names (services, dependencies), the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
