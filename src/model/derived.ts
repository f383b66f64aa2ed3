/**
 * The value derived from `key`, worked out on first use and kept while `key` lives. For what many
 * rules ask of a parsed model (which never changes once parsed): it is derived once, not per rule.
 */
export function derivedOnce<K extends object, V>(store: WeakMap<K, V>, key: K, derive: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = derive();
    store.set(key, value);
  }
  return value;
}
