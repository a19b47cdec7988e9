// An in-process cache whose entries are only good for the data version they were computed under
// (data-version.ts). Pure: no database, no framework.
type Entry<T> = { version: string; value: Promise<T> };

/**
 * Whether version `a` is newer than `b`. A version is a number, or numbers joined by "." compared in
 * order (the data version, then a count that only grows under it: the reminders section's).
 */
export function isNewerVersion(a: string, b: string): boolean {
  const x = a.split(".").map(BigInt);
  const y = b.split(".").map(BigInt);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1n) - (y[i] ?? -1n);
    if (d !== 0n) return d > 0n;
  }
  return false;
}

/**
 * A bounded in-process cache of values computed under one data version. Concurrent requests for the
 * same key and version share one computation; a failed computation is not kept. The cached value is
 * shared by every request that gets it: callers must not mutate it.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Map order is insertion order: re-inserting makes this the most recently used key.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    // A request that read the version just before a write does not replace what a later one cached.
    if (hit && isNewerVersion(hit.version, version)) return value;
    const entry = { version, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
