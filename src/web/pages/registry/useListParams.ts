// List filters kept in the URL (shareable, survive a reload); a changed filter goes back to page 1.
import { useSearchParams } from 'react-router';

export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (changes: Partial<Record<K | 'page', string>>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes) as [string, string][]) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    return next;
  }, { replace: true });
  return { values, page, set };
}
