// Reference lists (provinces, product classification) loaded once per visit and shared by every page.
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { AdminUnit, Classification } from './types.js';

const cache = new Map<string, Promise<unknown>>();
function once<T>(url: string): Promise<T> {
  if (!cache.has(url)) cache.set(url, api.get<T>(url).catch((e: unknown) => { cache.delete(url); throw e; }));
  return cache.get(url) as Promise<T>;
}

function useOnce<T>(url: string): T | undefined {
  const [data, setData] = useState<T | undefined>(undefined);
  useEffect(() => { let live = true; once<T>(url).then((d) => { if (live) setData(d); }).catch(() => {}); return () => { live = false; }; }, [url]);
  return data;
}

export const useProvinces = () => useOnce<{ items: AdminUnit[] }>('/api/v1/admin-units?level=province')?.items;
export const useClassification = () => useOnce<Classification>('/api/v1/classification');
