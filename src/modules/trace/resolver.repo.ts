// The resolver's reads: one statement per request, each part through a unique or leading index (product_gtin_key,
// trace_lot's (gtin, lot), certificate_product_idx, trace_link's (anchor, link_type, hreflang), trace_location's gln).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { Link } from './resolver.rules.js';

export type StoredLink = Link & { anchor: string };

export type ResolvedGtin = {
  productId: string; name: string; published: boolean; entityId: string;
  certificate: string | null; lotId: string | null; links: StoredLink[];
};
export type ResolvedGln = { locationId: string; name: string; entityId: string; published: boolean; links: StoredLink[] };

const linksOf = (anchors: string[]) => (!anchors.length ? sql`'[]'::json` : sql`(SELECT coalesce(json_agg(json_build_object('anchor', k.anchor, 'linkType', k.link_type,
    'href', k.href, 'title', k.title, 'hreflang', k.hreflang, 'type', k.type) ORDER BY k.anchor, k.link_type, k.hreflang), '[]'::json)
  FROM trace_link k WHERE k.anchor IN (${sql.join(anchors.map((a) => sql`${a}`), sql`, `)}))`);

/** The product a GTIN names, whether the public may see it, its current certificate, the lot (when asked) and the
 * links stored for the given anchors. */
export async function resolveGtin(db: Queryable, gtin: string, lot: string | undefined, anchors: string[]): Promise<ResolvedGtin | undefined> {
  // migrations/0021_resolver.sql: one statement whose plan the connection keeps. Anchors are joined by a newline,
  // a character no GS1 value may hold.
  const [row] = await query<{ r_id: string; r_name: string; r_published: boolean; r_entity_id: string; r_certificate: string | null; r_lot_id: string | null; r_links: StoredLink[] | string }>(db,
    sql`SELECT * FROM trace_resolve_gtin(${gtin}, ${lot ?? null}, string_to_array(${anchors.join('\n')}, E'\n'))`);
  if (!row) return undefined;
  return {
    productId: row.r_id, name: row.r_name, published: row.r_published, entityId: row.r_entity_id, certificate: row.r_certificate,
    lotId: row.r_lot_id, links: typeof row.r_links === 'string' ? JSON.parse(row.r_links) : row.r_links,
  };
}

export async function resolveGln(db: Queryable, gln: string, anchors: string[]): Promise<ResolvedGln | undefined> {
  const [row] = await query<{ id: string; name: string; entity_id: string; published: boolean; links: StoredLink[] | string }>(db, sql`
    SELECT loc.id, loc.name, loc.entity_id, e.status = 'approved' AS published, ${linksOf(anchors)} AS links
    FROM trace_location loc JOIN entity e ON e.id = loc.entity_id
    WHERE loc.gln = ${gln}`);
  if (!row) return undefined;
  return { locationId: row.id, name: row.name, entityId: row.entity_id, published: row.published, links: typeof row.links === 'string' ? JSON.parse(row.links) : row.links };
}

/** The entity owning an anchor's identifier (the product's, or the location's); null when no record carries it. */
export async function ownerOfGtin(db: Queryable, gtin: string) {
  const [row] = await query<{ entity_id: string; province_code: string; commune_code: string }>(db, sql`
    SELECT p.entity_id, p.province_code, p.commune_code FROM product p WHERE p.gtin = ${gtin}`);
  return row ? { entityId: row.entity_id, provinceCode: row.province_code, communeCode: row.commune_code } : undefined;
}
export async function ownerOfGln(db: Queryable, gln: string) {
  const [row] = await query<{ entity_id: string; province_code: string | null; commune_code: string | null }>(db, sql`
    SELECT loc.entity_id, e.province_code, e.commune_code FROM trace_location loc JOIN entity e ON e.id = loc.entity_id WHERE loc.gln = ${gln}`);
  return row ? { entityId: row.entity_id, provinceCode: row.province_code, communeCode: row.commune_code } : undefined;
}

export async function linksOfAnchor(db: Queryable, anchor: string): Promise<(StoredLink & { ownerEntityId: string | null; updatedAt: string })[]> {
  return (await query<{ anchor: string; link_type: string; href: string; title: string; hreflang: string; type: string; owner_entity_id: string | null; updated_at: Date | string }>(db, sql`
    SELECT anchor, link_type, href, title, hreflang, type, owner_entity_id, updated_at FROM trace_link WHERE anchor = ${anchor}
    ORDER BY link_type, hreflang`)).map((r) => ({
    anchor: r.anchor, linkType: r.link_type as Link['linkType'], href: r.href, title: r.title, hreflang: r.hreflang, type: r.type,
    ownerEntityId: r.owner_entity_id, updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Replaces an anchor's links (the PUT of the links API): deletes those not listed, upserts the others. */
export async function replaceLinks(db: Queryable, anchor: string, links: Link[], ownerEntityId: string | null, userId: string | null) {
  await db.execute(sql`DELETE FROM trace_link WHERE anchor = ${anchor}`);
  for (const l of links) {
    await db.execute(sql`INSERT INTO trace_link (anchor, link_type, href, title, hreflang, type, owner_entity_id, created_by)
      VALUES (${anchor}, ${l.linkType}, ${l.href}, ${l.title}, ${l.hreflang}, ${l.type}, ${ownerEntityId}, ${userId})`);
  }
}
