-- Search that stays fast at a million products (issue 11). A search reads up to 10,001 candidate matches out of the
-- trigram index and ranks them; read from `product` (its descriptions make it several times larger than
-- shared_buffers) each candidate cost a random heap read there and another in `entity` for its visibility: 119 ms at
-- p50 on a million products. `product_search` holds, per product, only what a search filters and ranks on — the
-- folded name, the status and stars, the place, the product set, the owner and the owner's status and type — so a
-- search reads a table a fraction of the size, never joins `entity`, and fetches the page's 20 rows alone in full
-- (src/modules/registry/registry.repo.ts rankProducts). Its columns are named as product's, so that the list
-- filters (registry.filters.ts) apply to it unchanged.
--
-- Kept by triggers, so that every write (whatever module, import or script makes it) moves it in the same
-- transaction; statement-level with transition tables, so a bulk insert of a million products costs one join.
CREATE TABLE product_search (
  id            uuid PRIMARY KEY REFERENCES product(id) ON DELETE CASCADE,
  name_fold     text NOT NULL,
  status        text NOT NULL,
  stars         int,
  updated_at    timestamptz NOT NULL,
  province_code text NOT NULL,
  commune_code  text NOT NULL,
  product_set   int NOT NULL,
  entity_id     uuid NOT NULL,
  entity_status text NOT NULL,
  entity_type   text NOT NULL
);
CREATE INDEX product_search_fold_trgm ON product_search USING gin (name_fold gin_trgm_ops);
CREATE INDEX product_search_entity_idx ON product_search (entity_id);

INSERT INTO product_search
  SELECT p.id, p.name_fold, p.status, p.stars, p.updated_at, p.province_code, p.commune_code, p.product_set, p.entity_id, e.status, e.type
  FROM product p JOIN entity e ON e.id = p.entity_id;

CREATE FUNCTION product_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_search
    SELECT p.id, p.name_fold, p.status, p.stars, p.updated_at, p.province_code, p.commune_code, p.product_set, p.entity_id, e.status, e.type
    FROM new_rows p JOIN entity e ON e.id = p.entity_id;
  RETURN NULL;
END $$;
CREATE TRIGGER product_search_inserted AFTER INSERT ON product REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_search_inserted();

-- Only the rows whose searched columns moved are rewritten: an update of other columns (a description, the GTINs
-- assigned in bulk) writes nothing here.
CREATE FUNCTION product_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE product_search s SET name_fold = n.name_fold, status = n.status, stars = n.stars, updated_at = n.updated_at,
    province_code = n.province_code, commune_code = n.commune_code, product_set = n.product_set, entity_id = n.entity_id,
    entity_status = e.status, entity_type = e.type
  FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN entity e ON e.id = n.entity_id
  WHERE s.id = n.id AND (n.name_fold, n.status, n.stars, n.updated_at, n.province_code, n.commune_code, n.product_set, n.entity_id)
    IS DISTINCT FROM (o.name_fold, o.status, o.stars, o.updated_at, o.province_code, o.commune_code, o.product_set, o.entity_id);
  RETURN NULL;
END $$;
CREATE TRIGGER product_search_updated AFTER UPDATE ON product REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_search_updated();

-- An owner approved, suspended or retyped moves the visibility and the type of all its products.
CREATE FUNCTION product_search_entity_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE product_search s SET entity_status = n.status, entity_type = n.type
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE s.entity_id = n.id AND (n.status IS DISTINCT FROM o.status OR n.type IS DISTINCT FROM o.type);
  RETURN NULL;
END $$;
CREATE TRIGGER product_search_entity_updated AFTER UPDATE ON entity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_search_entity_written();
