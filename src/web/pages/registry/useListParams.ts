// List filters kept in the URL (shareable, survive a reload); a changed filter goes back to page 1. Past the numbered
// pages (a total above the server's cap) the list goes on by the API's cursor, kept in the URL too.
import { useSearchParams } from 'react-router';

export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const cursor = params.get('cursor') || undefined;
  type Changes = Partial<Record<K | 'page' | 'cursor', string>>;
  const set = (changes: Changes) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes) as [string, string][]) if (v) next.set(k, v); else next.delete(k);
    // A numbered page leaves the cursor's pages and a cursor the numbered ones; a changed filter starts again.
    if (!('page' in changes)) next.delete('page');
    if (!('cursor' in changes)) next.delete('cursor');
    return next;
  }, { replace: true });
  /** The list request's paging: a page number, or the cursor of a page beyond the numbered ones. */
  const paging = cursor ? { cursor } : { page };
  /** PagedTable's paging props. */
  const pager = { page, cursor, onPage: (p: number) => set({ page: String(p) } as Changes), onCursor: (c: string) => set({ cursor: c } as Changes) };
  return { values, page, cursor, paging, pager, set };
}
