// Certificate queries; no decisions here.
import { and, asc, count, desc, eq, lt, gte, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { entity, nameMatches, product } from '../registry/index.js';
import { certificate, certificateImport, type CertificateStatus } from './certificates.tables.js';

const provinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${certificate.provinceCode})`;
const replacedByNumber = sql<string | null>`(SELECT c2.number FROM certificate c2 WHERE c2.id = ${certificate.replacedById})`;
const replacesNumber = sql<string | null>`(SELECT c2.number FROM certificate c2 WHERE c2.id = ${certificate.replacesId})`;

export const certificateColumns = {
  certificate, productName: product.name, productCode: product.code, productSet: product.productSet,
  entityName: entity.name, provinceName, replacedByNumber, replacesNumber,
};
export type CertificateView = {
  certificate: typeof certificate.$inferSelect; productName: string; productCode: string; productSet: number;
  entityName: string; provinceName: string; replacedByNumber: string | null; replacesNumber: string | null;
};

const from = (db: Queryable) => db.select(certificateColumns).from(certificate)
  .innerJoin(product, eq(product.id, certificate.productId))
  .innerJoin(entity, eq(entity.id, certificate.entityId));

export async function getByNumber(db: Queryable, number: string): Promise<CertificateView | undefined> {
  const [row] = await from(db).where(eq(certificate.number, number));
  return row;
}

export async function getForUpdate(db: Queryable, number: string) {
  const [row] = await db.select().from(certificate).where(eq(certificate.number, number)).for('update');
  return row;
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

/** The SQL for a shown status on a given day ('expired' is derived from the date). */
export function statusIs(status: CertificateStatus, today: string): SQL {
  switch (status) {
    case 'valid': return and(eq(certificate.status, 'valid'), gte(certificate.expiresOn, today))!;
    case 'expired': return and(eq(certificate.status, 'valid'), lt(certificate.expiresOn, today))!;
    default: return eq(certificate.status, status);
  }
}

/** Product or entity name, diacritics ignored: "mat ong" finds "Mật ong", "meo vac" finds "HTX … Mèo Vạc". */
export function certificateSearch(q: string | undefined): SQL | undefined {
  const byProduct = nameMatches(sql`${product}.name_fold`, q);
  const byEntity = nameMatches(sql`${entity}.name_fold`, q);
  return byProduct && byEntity ? sql`(${byProduct} OR ${byEntity})` : undefined;
}

export async function listCertificates(db: Queryable, where: SQL | undefined, page: number, pageSize: number) {
  const [{ n }] = await db.select({ n: count() }).from(certificate)
    .innerJoin(product, eq(product.id, certificate.productId))
    .innerJoin(entity, eq(entity.id, certificate.entityId)).where(where);
  const rows = await from(db).where(where).orderBy(desc(certificate.issuedOn), asc(certificate.number)).limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(n), rows };
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
