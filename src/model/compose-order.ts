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
  /** The item that is out of place. */
  index: number;
  /** Where it belongs: before this item (the first in-place item that sorts after it)… */
  before: number | null;
  /** …or, when every in-place item sorts before it, after this one. */
  after: number | null;
}

/**
 * The fewest items that must move to sort the list: those outside a longest run already in order
 * (a longest non-decreasing subsequence). One misplaced key gives one finding, not one per key it jumped.
 */
export function misplacedItems<T>(items: T[], compare: (a: T, b: T) => number): Misplaced[] {
  // Patience sorting over the list read backwards (so that, between equally long runs, the one
  // keeping earlier items wins and a swap reports the later item): tails[k] ends the best run of
  // length k + 1, links rebuild it.
  const last = items.length - 1;
  const at = (position: number) => items[last - position]!;
  const tails: number[] = [];
  const previous: number[] = [];
  for (let position = 0; position <= last; position++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(at(position), at(tails[middle]!)) <= 0) low = middle + 1;
      else high = middle;
    }
    previous[position] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = position;
  }
  const kept = new Set<number>();
  for (let position = tails.length ? tails[tails.length - 1]! : -1; position >= 0; position = previous[position]!) kept.add(last - position);
  const inPlace = [...kept].sort((a, b) => a - b);
  const found: Misplaced[] = [];
  for (let index = 0; index < items.length; index++) {
    if (kept.has(index)) continue;
    const before = inPlace.find((candidate) => compare(items[candidate]!, items[index]!) > 0) ?? null;
    found.push({ index, before, after: before === null ? (inPlace[inPlace.length - 1] ?? null) : null });
  }
  return found;
}

/** "before \"b\"" / "after \"a\"": where a misplaced item belongs, for messages. */
export function placement(misplaced: Misplaced, name: (index: number) => string): string {
  return misplaced.before !== null ? `before "${name(misplaced.before)}"` : `after "${name(misplaced.after ?? misplaced.index)}"`;
}

/** The indexes of `items` in sorted order; equal items keep their order. */
export function sortedOrder<T>(items: T[], compare: (a: T, b: T) => number): number[] {
  return items.map((_, index) => index).sort((a, b) => compare(items[a]!, items[b]!) || a - b);
}

/** Plain alphabetical order for names (services, dependencies), the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
