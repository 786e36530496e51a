// The names of a person's scope for the workspace header (Tỉnh Tuyên Quang, Xã Mèo Vạc), never codes.
import { withQuery } from '../../api.js';
import { useLocalized } from '../../i18n/index.js';
import { useProvinces } from '../../reference.js';
import type { AdminUnit, User } from '../../types.js';
import { useFetch } from '../../useFetch.js';

export function useScopeNames(user: Pick<User, 'provinceCode' | 'communeCode'>) {
  const { pickName } = useLocalized();
  const provinces = useProvinces();
  const commune = useFetch<{ items: AdminUnit[] }>(user.communeCode ? withQuery('/api/v1/admin-units', { level: 'commune', q: user.communeCode, limit: 1 }) : null);
  const c = commune.data?.items.find((x) => x.code === user.communeCode);
  const provinceCode = user.provinceCode ?? c?.provinceCode;
  const p = provinceCode ? provinces?.find((x) => x.code === provinceCode) : undefined;
  return {
    commune: c ? pickName(c.fullName, c.fullNameEn) : undefined,
    province: p ? pickName(p.fullName, p.fullNameEn) : undefined,
    loading: (Boolean(user.communeCode) && !c) || (Boolean(provinceCode) && !p),
  };
}
