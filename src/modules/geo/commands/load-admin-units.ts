// Loads the administrative units in force (data/admin-units/) when the database does not have that version yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../../app/db.js';
import { adminUnitVersion, commune, communeMapping, province } from '../geo.tables.js';

const dataDir = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'admin-units');

type UnitsFile = {
  version: { id: string; validFrom: string; instrument: string; source: string };
  provinces: { code: string; name: string; nameEn: string; fullName: string; fullNameEn: string }[];
  communes: { code: string; provinceCode: string; name: string; nameEn: string; fullName: string; fullNameEn: string }[];
};
type MappingFile = { mappings: { oldCode: string | null; oldName: string; oldDistrict: string; oldProvince: string; newCode: string }[] };

function chunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function loadAdminUnits(tx: Queryable): Promise<boolean> {
  const units: UnitsFile = JSON.parse(readFileSync(join(dataDir, 'units.json'), 'utf8'));
  const [have] = (await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM admin_unit_version WHERE id = ${units.version.id}`));
  if (Number(have.n) > 0) return false;
  const { mappings }: MappingFile = JSON.parse(readFileSync(join(dataDir, 'old-to-new.json'), 'utf8'));
  const versionId = units.version.id;
  await tx.insert(adminUnitVersion).values({ ...units.version });
  await tx.insert(province).values(units.provinces.map((p) => ({ ...p, versionId })));
  for (const part of chunks(units.communes)) await tx.insert(commune).values(part.map((c) => ({ ...c, versionId })));
  for (const part of chunks(mappings)) await tx.insert(communeMapping).values(part);
  return true;
}
