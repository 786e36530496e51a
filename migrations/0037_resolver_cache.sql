-- The Digital Link resolver's in-process cache (src/modules/trace/resolver.cache.ts) is exact: every committed
-- write that can change a resolver answer notifies channel trace_resolver, and each server process clears its cache
-- on the notification (its own writes also clear it before their response is sent). What an answer reads: the
-- product (GTIN, name, status, entity), the entity's status, the certificates, the lots, the stored links and the
-- locations (GLN, name, entity). One notification per statement; PostgreSQL folds the repeats of a transaction into
-- one, delivered at its commit (never for a rolled-back one).
CREATE FUNCTION trace_resolver_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('trace_resolver', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER product_resolver_changed AFTER INSERT OR DELETE OR UPDATE OF gtin, name, status, entity_id ON product
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER product_resolver_truncated AFTER TRUNCATE ON product FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER entity_resolver_changed AFTER INSERT OR DELETE OR UPDATE OF status ON entity
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER entity_resolver_truncated AFTER TRUNCATE ON entity FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER certificate_resolver_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificate
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER trace_lot_resolver_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trace_lot
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER trace_link_resolver_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trace_link
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER trace_location_resolver_changed AFTER INSERT OR DELETE OR UPDATE OF gln, name, entity_id ON trace_location
  FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
CREATE TRIGGER trace_location_resolver_truncated AFTER TRUNCATE ON trace_location FOR EACH STATEMENT EXECUTE FUNCTION trace_resolver_changed();
