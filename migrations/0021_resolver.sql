-- The GS1 Digital Link resolver, the public trace page's report form and its scan counts (issue 12, items 3–5).

-- Links a resolver answers for one identifier beyond the defaults the registry gives (product page, certificate,
-- events). `anchor` is the Digital Link path (`/01/{gtin14}`, `/01/{gtin14}/10/{lot}`, `/414/{gln}`); a link at the
-- GTIN level is inherited by its lots and serials. `owner_entity_id` is the entity owning the identifier when the
-- link was written (NULL: written by the central office for an identifier no entity owns): only that entity or the
-- central office may change the anchor's links, so no one overwrites another's.
CREATE TABLE trace_link (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  anchor          text NOT NULL CHECK (anchor ~ '^/(01|414)/[0-9]{13,14}(/.*)?$'),
  link_type       text NOT NULL CHECK (link_type ~ '^gs1:[A-Za-z]+$'),
  href            text NOT NULL CHECK (href ~ '^https?://'),
  title           text NOT NULL,
  hreflang        text NOT NULL DEFAULT 'vi',
  type            text NOT NULL DEFAULT 'text/html',
  owner_entity_id uuid REFERENCES entity (id),
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (anchor, link_type, hreflang)
);

-- A consumer's report about a product (or one of its lots) from the public trace page, kept for the supervision
-- module. Nothing about the reporter is stored beyond what they typed (no address, no cookie).
CREATE TABLE trace_report (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id  uuid NOT NULL REFERENCES product (id),
  lot         text,
  message     text NOT NULL CHECK (length(message) BETWEEN 5 AND 2000),
  contact     text CHECK (length(contact) <= 200),
  status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'seen', 'closed')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trace_report_product_idx ON trace_report (product_id, created_at DESC);
CREATE INDEX trace_report_status_idx ON trace_report (status, created_at DESC);

-- Scans of the trace page, counted per product, lot (empty: the product's own code) and province the reader chose
-- (empty: not said) and day. Counters only: no address, no cookie, no time finer than the day.
CREATE TABLE trace_scan (
  product_id    uuid NOT NULL REFERENCES product (id),
  lot           text NOT NULL DEFAULT '',
  province_code text NOT NULL DEFAULT '',
  day           date NOT NULL,
  scans         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, lot, province_code, day)
);


-- The resolver's one query, as a function: PL/pgSQL keeps the plan of its query per connection, so a request costs
-- the lookups, not the planning (which took longer than executing). The product a GTIN names, whether the public
-- may see it, its certificate (the one in force, else the latest: as scoring's latestOfProduct), the lot when one is
-- asked, and the links stored for the anchors (the identifier's and those above it), all through unique indexes.
CREATE FUNCTION trace_resolve_gtin(p_gtin text, p_lot text, p_anchors text[])
RETURNS TABLE (r_id uuid, r_name text, r_entity_id uuid, r_published boolean, r_certificate text, r_lot_id uuid, r_links json)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT p.id, p.name, p.entity_id, (p.status <> 'draft' AND e.status = 'approved'),
    coalesce(
      (SELECT c.number FROM certificate c WHERE c.product_id = p.id AND c.status = 'valid'),
      (SELECT c.number FROM certificate c WHERE c.product_id = p.id ORDER BY c.issued_on DESC, c.created_at DESC LIMIT 1)),
    CASE WHEN p_lot IS NULL THEN NULL::uuid ELSE (SELECT l.id FROM trace_lot l WHERE l.gtin = p.gtin AND l.lot = p_lot) END,
    (SELECT coalesce(json_agg(json_build_object('anchor', k.anchor, 'linkType', k.link_type, 'href', k.href, 'title', k.title,
        'hreflang', k.hreflang, 'type', k.type) ORDER BY k.anchor, k.link_type, k.hreflang), '[]'::json)
      FROM trace_link k WHERE k.anchor = ANY (p_anchors))
  FROM product p JOIN entity e ON e.id = p.entity_id
  WHERE p.gtin = p_gtin;
END
$$;
