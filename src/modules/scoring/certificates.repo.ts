// Certificate queries; no decisions here.
import { and, asc, desc, eq, gte, inArray, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { entity, nameMatches, product } from '../registry/index.js';
import { addDays } from './certificates.rules.js';
import { certificate, certificateImport, revocationProposal, type CertificateStatus } from './certificates.tables.js';
import { RULES, type LegalRules } from './rules.data.js';

const provinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${certificate.provinceCode})`;
const replacedByNumber = sql<string | null>`(SELECT c2.number FROM certificate c2 WHERE c2.id = ${certificate.replacedById})`;
const replacesNumber = sql<string | null>`(SELECT c2.number FROM certificate c2 WHERE c2.id = ${certificate.replacesId})`;

/** A re-rating dossier filed late against the certificate is still pending (Điều 12.3); a dossier ends when it is
 * certified (the certificate is then replaced), not recognised or rejected. The rule itself is `standingOn`. */
export const lateReRatingPending = sql<boolean>`EXISTS (SELECT 1 FROM dossier d WHERE d.rerating_certificate_id = ${certificate.id}
  AND d.rerating_late AND d.status NOT IN ('certified','not_recognised','rejected'))`;

export const certificateColumns = {
  certificate, productName: product.name, productCode: product.code, productSet: product.productSet,
  entityName: entity.name, provinceName, replacedByNumber, replacesNumber, lateReRatingPending,
};
export type CertificateView = {
  certificate: typeof certificate.$inferSelect; productName: string; productCode: string; productSet: number;
  entityName: string; provinceName: string; replacedByNumber: string | null; replacesNumber: string | null; lateReRatingPending: boolean;
};

const from = (db: Queryable) => db.select(certificateColumns).from(certificate)
  .innerJoin(product, eq(product.id, certificate.productId))
  .innerJoin(entity, eq(entity.id, certificate.entityId));

export async function getByNumber(db: Queryable, number: string): Promise<CertificateView | undefined> {
  const [row] = await from(db).where(eq(certificate.number, number));
  return row;
}

/** The certificate a product's public page shows: the one in force, else the latest issued. */
export async function latestOfProduct(db: Queryable, productId: string): Promise<CertificateView | undefined> {
  const [row] = await from(db).where(eq(certificate.productId, productId))
    .orderBy(desc(sql`${certificate.status} = 'valid'`), desc(certificate.issuedOn), desc(certificate.createdAt)).limit(1);
  return row;
}

export async function getForUpdate(db: Queryable, number: string) {
  const [row] = await db.select().from(certificate).where(eq(certificate.number, number)).for('update');
  return row;
}

/** Whether a late re-rating dossier against this certificate is pending (see `lateReRatingPending`). */
export async function hasLateReRatingPending(db: Queryable, certificateId: string): Promise<boolean> {
  const [row] = await db.select({ pending: lateReRatingPending }).from(certificate).where(eq(certificate.id, certificateId));
  return Boolean(row?.pending);
}

/** Certificates stored 'valid' whose expiry has passed while their product still reads 'certified' in the registry:
 * the candidates of the daily expiry job, with the fact the grace rule needs. */
export async function listLapsedOfCertifiedProducts(db: Queryable, today: string) {
  return db.select({ id: certificate.id, number: certificate.number, productId: certificate.productId, status: certificate.status, expiresOn: certificate.expiresOn, lateReRatingPending })
    .from(certificate).innerJoin(product, eq(product.id, certificate.productId))
    .where(and(eq(certificate.status, 'valid'), lt(certificate.expiresOn, today), eq(product.status, 'certified')))
    .orderBy(asc(certificate.expiresOn), asc(certificate.number));
}

/** The certificate a re-rating dossier re-rates: the one recorded at filing, else the product's current one. */
export async function certificateForReRating(db: Queryable, d: { productId: string; reratingCertificateId: string | null }) {
  const where = d.reratingCertificateId ? eq(certificate.id, d.reratingCertificateId) : and(eq(certificate.productId, d.productId), eq(certificate.status, 'valid'));
  const [row] = await db.select({ number: certificate.number, expiresOn: certificate.expiresOn }).from(certificate).where(where);
  return row ?? null;
}

/** The product's certificate in force (stored 'valid', whether or not its date has passed). */
export async function currentForProduct(db: Queryable, productId: string) {
  const [row] = await db.select().from(certificate).where(and(eq(certificate.productId, productId), eq(certificate.status, 'valid'))).for('update');
  return row;
}

export async function historyOfProduct(db: Queryable, productId: string) {
  return db.select().from(certificate).where(eq(certificate.productId, productId)).orderBy(asc(certificate.issuedOn), asc(certificate.createdAt));
}

export async function findByDecision(db: Queryable, productId: string, decisionNumber: string) {
  const [row] = await db.select().from(certificate).where(and(eq(certificate.productId, productId), eq(certificate.decisionNumber, decisionNumber)));
  return row;
}

/** Next sequence number of a province's certificates in a year; the row lock makes concurrent issues wait. */
export async function nextCertificateSequence(db: Queryable, provinceCode: string, year: number): Promise<number> {
  const rows = await query<{ last_value: number }>(db, sql`
    INSERT INTO certificate_seq (province_code, year, last_value) VALUES (${provinceCode}, ${year}, 1)
    ON CONFLICT (province_code, year) DO UPDATE SET last_value = certificate_seq.last_value + 1
    RETURNING last_value`);
  return Number(rows[0].last_value);
}

/** Whether the certificate is past its expiry but kept in force by a pending late re-rating (`standingOn` in SQL). */
function extendedOn(today: string, rules: Pick<LegalRules, 'transition'> = RULES): SQL {
  return and(lt(certificate.expiresOn, today), gte(certificate.expiresOn, addDays(today, -rules.transition.graceDaysAfterExpiry)), lateReRatingPending)!;
}

/** The last day a certificate stored 'valid' is in force (`statusIs('valid', d)` holds exactly for the days d up to
 * it): its expiry, or the end of the Điều 12.3 grace while a late re-rating against it is pending. Lets a count made on
 * one day know on which later day each certificate leaves it (the dashboards' dated changes, stats/counts.repo.ts). */
export function lastDayInForce(rules: Pick<LegalRules, 'transition'> = RULES): SQL {
  return sql`(CASE WHEN ${lateReRatingPending} THEN ${certificate.expiresOn} + ${rules.transition.graceDaysAfterExpiry}::int ELSE ${certificate.expiresOn} END)`;
}

/** The SQL for a shown status on a given day ('expired' is derived from the date and the Điều 12.3 extension). */
export function statusIs(status: CertificateStatus, today: string): SQL {
  switch (status) {
    case 'valid': return and(eq(certificate.status, 'valid'), or(gte(certificate.expiresOn, today), extendedOn(today)))!;
    case 'expired': return and(eq(certificate.status, 'valid'), lt(certificate.expiresOn, today), not(extendedOn(today)))!;
    default: return eq(certificate.status, status);
  }
}

/** Product or entity name, diacritics ignored: "mat ong" finds "Mật ong", "meo vac" finds "HTX … Mèo Vạc". */
export function certificateSearch(q: string | undefined): SQL | undefined {
  const byProduct = nameMatches(sql`${product}.name_fold`, q);
  const byEntity = nameMatches(sql`${entity}.name_fold`, q);
  return byProduct && byEntity ? sql`(${byProduct} OR ${byEntity})` : undefined;
}

/** The public register's filters (the API's GET /certificates and the register page). */
export function registerFilter(qy: { status?: CertificateStatus; q?: string; province?: string; stars?: number }, today: string): SQL | undefined {
  return and(
    qy.status ? statusIs(qy.status, today) : undefined,
    certificateSearch(qy.q),
    qy.province ? eq(certificate.provinceCode, qy.province) : undefined,
    qy.stars ? eq(certificate.stars, qy.stars) : undefined,
  );
}

/** The register's order: most recently issued first, then by number (unique: the tiebreaker). */
export const certificateKeys: SortKey[] = [
  { expr: certificate.issuedOn, kind: 'date', dir: 'desc' },
  { expr: certificate.number, kind: 'text', dir: 'asc' },
];
export const REGISTER_SORT = '-issuedOn';

/** A page of the register: its numbers first (filters and order only), then those rows decorated; the total capped
 * (src/app/paging.ts); by page number or after a cursor's row. */
export async function listCertificates(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<CertificateView>> {
  const p = { page, pageSize, after: after_ };
  const matches = (fields: { id: typeof certificate.id } | ReturnType<typeof keyFields> & { id: typeof certificate.id }, cond: SQL | undefined) => db.select(fields).from(certificate)
    .innerJoin(product, eq(product.id, certificate.productId))
    .innerJoin(entity, eq(entity.id, certificate.entityId)).where(cond);
  const found = await matches({ id: certificate.id, ...keyFields(certificateKeys) }, and(where, after_ && after(certificateKeys, after_)))
    .orderBy(...orderBy(certificateKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'certificate', REGISTER_SORT, certificateKeys);
  const rows = ids.length ? await from(db).where(inArray(certificate.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, matches({ id: certificate.id }, where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.certificate.id) };
}

/** Late revocations' order: the most recently revoked first, then by number (a revoked certificate has its day). */
export const lateRevocationKeys: SortKey[] = [
  { expr: certificate.revokedOn, kind: 'date', dir: 'desc' },
  { expr: certificate.number, kind: 'text', dir: 'asc' },
];
export const LATE_REVOCATION_SORT = '-revokedOn';

/** Revocations decided after Điều 8.4's deadline, newest first (the partial index keeps it to the late ones); by page
 * number or after a cursor's row, the total capped. */
export async function listLateRevocations(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<CertificateView>> {
  const late = and(eq(certificate.status, 'revoked'), sql`${certificate.revocationDaysLate} > 0`, where);
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: certificate.id, ...keyFields(lateRevocationKeys) }).from(certificate)
    .where(and(late, after_ && after(lateRevocationKeys, after_)))
    .orderBy(...orderBy(lateRevocationKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'late_revocation', LATE_REVOCATION_SORT, lateRevocationKeys);
  const rows = ids.length ? await from(db).where(inArray(certificate.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: certificate.id }).from(certificate).where(late), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.certificate.id) };
}

/** Certificates in force expiring on or before `until` (and lapsed ones still in the grace period after `since`). */
export async function listExpiring(db: Queryable, where: SQL | undefined, since: string, until: string) {
  return from(db).where(and(eq(certificate.status, 'valid'), gte(certificate.expiresOn, since), sql`${certificate.expiresOn} <= ${until}`, where))
    .orderBy(asc(certificate.expiresOn), asc(certificate.number)).limit(2000);
}

export async function getImport(db: Queryable, id: string) {
  const [row] = await db.select().from(certificateImport).where(eq(certificateImport.id, id)).for('update');
  return row;
}

/** The certificate's pending proposal to revoke, if any (0027). */
export async function pendingProposal(db: Queryable, certificateId: string) {
  const [row] = await db.select().from(revocationProposal).where(and(eq(revocationProposal.certificateId, certificateId), eq(revocationProposal.status, 'pending')));
  return row;
}
