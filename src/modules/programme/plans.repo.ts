// Plan queries: no decisions.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { query, type Queryable } from '../../app/db.js';
import { appUser } from '../accounts/index.js';
import { programmePlan, programmePlanVersion } from './plans.tables.js';

const scopeIs = (provinceCode: string | null) => (provinceCode === null ? isNull(programmePlan.provinceCode) : eq(programmePlan.provinceCode, provinceCode));

export async function getPlan(db: Queryable, year: number, provinceCode: string | null, lock = false) {
  const q = db.select().from(programmePlan).where(and(eq(programmePlan.year, year), scopeIs(provinceCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

const creator = alias(appUser, 'creator');
const submitter = alias(appUser, 'submitter');
const approver = alias(appUser, 'approver');
const versionColumns = {
  v: programmePlanVersion, createdByName: creator.fullName, submittedByName: submitter.fullName, approvedByName: approver.fullName,
};
const versions = (db: Queryable) => db.select(versionColumns).from(programmePlanVersion)
  .leftJoin(creator, eq(creator.id, programmePlanVersion.createdBy))
  .leftJoin(submitter, eq(submitter.id, programmePlanVersion.submittedBy))
  .leftJoin(approver, eq(approver.id, programmePlanVersion.approvedBy));
export type VersionView = Awaited<ReturnType<ReturnType<typeof versions>['where']>>[number];

export async function getVersion(db: Queryable, planId: string, number: number): Promise<VersionView | undefined> {
  const [row] = await versions(db).where(and(eq(programmePlanVersion.planId, planId), eq(programmePlanVersion.number, number)));
  return row;
}

/** Every version of a plan, newest first (a plan has a handful a year). */
export function listVersions(db: Queryable, planId: string) {
  return versions(db).where(eq(programmePlanVersion.planId, planId)).orderBy(desc(programmePlanVersion.number)).limit(500);
}

/** A year's plans: the nation's and the provinces' (at most 35 rows), with their newest version's status. */
export function plansOfYear(db: Queryable, year: number) {
  return query<{ province_code: string | null; province_name: string | null; latest_version: number; latest_status: 'draft' | 'submitted' | 'approved'; approved_version: number | null }>(db, sql`
    SELECT p.province_code, pr.name AS province_name, p.latest_version, v.status AS latest_status, p.approved_version
    FROM programme_plan p JOIN programme_plan_version v ON v.plan_id = p.id AND v.number = p.latest_version
    LEFT JOIN province pr ON pr.code = p.province_code
    WHERE p.year = ${year} ORDER BY p.province_code NULLS FIRST`);
}

export async function provinceName(db: Queryable, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [r] = await query<{ name: string }>(db, sql`SELECT name FROM province WHERE code = ${code}`);
  return r?.name ?? null;
}

/** The communes' names and provinces (for the by-commune breakdowns). */
export async function communesByCode(db: Queryable, codes: string[]): Promise<Map<string, { name: string; provinceCode: string }>> {
  if (!codes.length) return new Map();
  const rows = await query<{ code: string; name: string; province_code: string }>(db, sql`SELECT code, name, province_code FROM commune WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.code, { name: r.name, provinceCode: r.province_code }]));
}

/** Sector names of the classification (Phụ lục I), for the targets' labels. */
export async function sectorNames(db: Queryable): Promise<Map<string, { vi: string; en: string }>> {
  const rows = await query<{ sector_code: string; sector_name: string; sector_name_en: string }>(db, sql`SELECT DISTINCT sector_code, sector_name, sector_name_en FROM product_set`);
  return new Map(rows.map((r) => [r.sector_code, { vi: r.sector_name, en: r.sector_name_en }]));
}

