-- Identifiers in the registry (issue 12): the products still waiting for a GTIN under the programme's prefix, found
-- through a small partial index (a start-up or an import commit looks for them without reading the whole table).
CREATE INDEX product_gtin_missing_idx ON product (created_at, id) WHERE gtin IS NULL;
