-- The dashboards' figures at ten times national scale (issue 13: under 100 ms, never stale). Counting 100,000
-- entities and 200,000 products at each request costs close to a second; so the figures are kept per commune and
-- per province in two small tables, and every write that can move a figure marks its commune "dirty" IN THE SAME
-- TRANSACTION (triggers below: whatever module or script writes, the mark commits or rolls back with the write).
-- A read first recomputes the dirty communes (a few rows each) and their provinces, then sums the small tables:
-- a write is reflected at the next load. The figures depend on the day too (a certificate expires, a channel
-- ends), so the tables record the day and the modern types they were computed for; a read on another day, or with
-- another list of modern types, recomputes them all first (src/modules/stats/counts.ts).

-- One row per write that may move a commune's figures (appended, never updated: an uncommitted mark stays invisible
-- to the reader that clears the visible ones, so no write can slip between a clear and its recompute).
CREATE TABLE stats_dirty (
  id           bigserial PRIMARY KEY,
  commune_code text NOT NULL
);

-- figure: ocop (OCOP entities: approved, a certificate in force), modern (of them, with a verified current modern
-- channel), stars / sector (certificates in force of approved entities), type / sex / ethnicity / disability
-- (approved entities; key NULL when not recorded), in_force / expiring (certificates, by their entity's place),
-- issued (certificates by month of issue, key 'YYYY-MM': a period's whole months; its partial months are counted live).
CREATE TABLE stats_commune_count (
  commune_code  text NOT NULL,
  province_code text NOT NULL,
  figure        text NOT NULL,
  key           text,
  n             integer NOT NULL
);
CREATE INDEX stats_commune_count_idx ON stats_commune_count (commune_code, figure);
CREATE INDEX stats_commune_count_province_idx ON stats_commune_count (province_code);

CREATE TABLE stats_province_count (
  province_code text NOT NULL,
  figure        text NOT NULL,
  key           text,
  n             integer NOT NULL
);
CREATE INDEX stats_province_count_idx ON stats_province_count (figure, province_code);

-- A commune's recount finds its entities (their certificates and channels by entity).
CREATE INDEX entity_commune_idx ON entity (commune_code, id);

-- What the counts were computed for: the day (Việt Nam time) and the modern channel types (data/trade/channels.json).
CREATE TABLE stats_count_state (
  one          boolean PRIMARY KEY DEFAULT true CHECK (one),
  as_of        date,
  modern_types text[]
);
INSERT INTO stats_count_state (one) VALUES (true);

CREATE FUNCTION stats_mark_entities(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO stats_dirty (commune_code) SELECT DISTINCT commune_code FROM entity WHERE id = ANY (ids)
$$;

CREATE FUNCTION stats_entity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN INSERT INTO stats_dirty (commune_code) VALUES (OLD.commune_code); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.commune_code IS DISTINCT FROM OLD.commune_code) THEN
    INSERT INTO stats_dirty (commune_code) VALUES (NEW.commune_code);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stats_entity_changed AFTER INSERT OR DELETE ON entity FOR EACH ROW EXECUTE FUNCTION stats_entity_changed();
CREATE TRIGGER stats_entity_updated AFTER UPDATE ON entity FOR EACH ROW
  WHEN ((OLD.status, OLD.type, OLD.representative, OLD.commune_code, OLD.province_code) IS DISTINCT FROM (NEW.status, NEW.type, NEW.representative, NEW.commune_code, NEW.province_code))
  EXECUTE FUNCTION stats_entity_changed();

CREATE FUNCTION stats_by_entity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM stats_mark_entities(ARRAY[NEW.entity_id]);
  ELSIF TG_OP = 'DELETE' THEN PERFORM stats_mark_entities(ARRAY[OLD.entity_id]);
  ELSE PERFORM stats_mark_entities(ARRAY[OLD.entity_id, NEW.entity_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stats_certificate_changed AFTER INSERT OR DELETE ON certificate FOR EACH ROW EXECUTE FUNCTION stats_by_entity_changed();
CREATE TRIGGER stats_certificate_updated AFTER UPDATE ON certificate FOR EACH ROW
  WHEN ((OLD.status, OLD.expires_on, OLD.stars, OLD.entity_id, OLD.product_id) IS DISTINCT FROM (NEW.status, NEW.expires_on, NEW.stars, NEW.entity_id, NEW.product_id))
  EXECUTE FUNCTION stats_by_entity_changed();
CREATE TRIGGER stats_channel_changed AFTER INSERT OR DELETE ON sales_channel FOR EACH ROW EXECUTE FUNCTION stats_by_entity_changed();
CREATE TRIGGER stats_channel_updated AFTER UPDATE ON sales_channel FOR EACH ROW
  WHEN ((OLD.status, OLD.type, OLD.starts_on, OLD.ends_on, OLD.entity_id) IS DISTINCT FROM (NEW.status, NEW.type, NEW.starts_on, NEW.ends_on, NEW.entity_id))
  EXECUTE FUNCTION stats_by_entity_changed();
-- A product's sector (its product set) counts through its certificate.
CREATE TRIGGER stats_product_updated AFTER UPDATE ON product FOR EACH ROW
  WHEN ((OLD.product_set, OLD.entity_id) IS DISTINCT FROM (NEW.product_set, NEW.entity_id))
  EXECUTE FUNCTION stats_by_entity_changed();

-- A pending late re-rating keeps an expired certificate in force (Điều 12.3): its dossier moves the figures too.
CREATE FUNCTION stats_rerating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_mark_entities(ARRAY(SELECT entity_id FROM certificate WHERE id IN (
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.rerating_certificate_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.rerating_certificate_id END)));
  RETURN NULL;
END $$;
CREATE TRIGGER stats_rerating_inserted AFTER INSERT ON dossier FOR EACH ROW WHEN (NEW.rerating_certificate_id IS NOT NULL)
  EXECUTE FUNCTION stats_rerating_changed();
CREATE TRIGGER stats_rerating_deleted AFTER DELETE ON dossier FOR EACH ROW WHEN (OLD.rerating_certificate_id IS NOT NULL)
  EXECUTE FUNCTION stats_rerating_changed();
CREATE TRIGGER stats_rerating_updated AFTER UPDATE ON dossier FOR EACH ROW
  WHEN ((OLD.rerating_certificate_id IS NOT NULL OR NEW.rerating_certificate_id IS NOT NULL)
    AND (OLD.status, OLD.rerating_late, OLD.rerating_certificate_id) IS DISTINCT FROM (NEW.status, NEW.rerating_late, NEW.rerating_certificate_id))
  EXECUTE FUNCTION stats_rerating_changed();

-- Certificates issued and revoked within a period (the certificates indicator), index-only by date.
CREATE INDEX certificate_issued_on_idx ON certificate (issued_on, entity_id);
CREATE INDEX certificate_revoked_on_idx ON certificate (revoked_on, entity_id) WHERE status = 'revoked';
