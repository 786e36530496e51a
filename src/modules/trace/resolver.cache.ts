// The Digital Link resolver's answers kept in the process — an EXACT cache, not a time-based one: an entry lives
// until a write that could change it, however long that is, and never after.
//
// How it stays exact (migrations/0037_resolver_cache.sql): every committed write to what an answer reads (products'
// GTIN, name, status and entity; entities' status; certificates; lots; stored links; locations) notifies channel
// `trace_resolver`, and each server process clears its cache when the notification arrives. A write through this
// process also clears every cache of the process before its response is sent (resolverWriteCommitted, called from
// the server's onSend for a successful write), so the writer's next request never sees the old answer, whatever the
// delivery of the notification. A read that began before a clear is not stored (the epoch moved). While the
// notifications cannot be heard (the listening connection lost, being re-opened) nothing is served from or put in
// the cache: every request reads the database. On PGlite (one process, one session) a transaction's notification
// reaches the callback as its COMMIT returns. Another PostgreSQL process's write is seen once PostgreSQL has
// delivered its notification, which it sends at the commit (signalled before the writer's COMMIT returns).
import type { Database } from '../../app/db.js';

export const RESOLVER_CHANNEL = 'trace_resolver';

/** The caches of this process (one per running app), so that one write clears them all. */
const live = new Set<ExactCache<unknown>>();

/** A write through this process committed (called by the server's onSend for a successful non-GET request). */
export function resolverWriteCommitted(): void {
  for (const cache of live) cache.clear();
}

export class ExactCache<V> {
  private readonly entries = new Map<string, V>();
  private epoch = 0;
  private listening = false;

  constructor(private readonly maxEntries = 20_000) {}

  /** The stored value, or undefined (also whenever the notifications are not being heard). */
  get(key: string): V | undefined {
    if (!this.listening) return undefined;
    const hit = this.entries.get(key);
    if (hit !== undefined) { this.entries.delete(key); this.entries.set(key, hit); } // most recently used last
    return hit;
  }

  /** Call before reading what will be stored: the epoch to give set(). */
  begin(): number { return this.epoch; }

  /** Stores a value read since begin(), unless a clear came in between (it may predate a write). */
  set(key: string, value: V, epoch: number): void {
    if (!this.listening || epoch !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  clear(): void { this.entries.clear(); this.epoch++; }

  /** Whether the notifications are heard; either way what was stored is dropped. */
  setListening(on: boolean): void { this.listening = on; this.clear(); }

  get size(): number { return this.entries.size; }
}

/** A cache cleared on every notification of the resolver's channel, and the function that stops it. */
export async function openResolverCache<V>(database: Database, maxEntries?: number): Promise<{ cache: ExactCache<V>; close: () => Promise<void> }> {
  const cache = new ExactCache<V>(maxEntries);
  live.add(cache as ExactCache<unknown>);
  const stop = await database.listen(RESOLVER_CHANNEL, () => cache.clear(), (on) => cache.setListening(on));
  return {
    cache,
    close: async () => {
      live.delete(cache as ExactCache<unknown>);
      cache.setListening(false);
      await stop();
    },
  };
}
