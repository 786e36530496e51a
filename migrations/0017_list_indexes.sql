-- Indexes in the orders the lists read (issue 11, item 3): a list's page of ids is read by walking an index in the
-- list's order, with its equality filter as the index's first column where the filter is common enough to need
-- one, so a page costs its rows, not every match. Checked by test/explain.test.ts (no sequential scan of product
-- or entity in a list's queries) and measured by `npm run bench:scale`.
-- Every descending key is DESC NULLS LAST because that is how the lists sort (registry.repo.ts order()); an index
-- in the default DESC NULLS FIRST would not match the ORDER BY. The trailing id is the lists' tie-breaker.

-- Products: the API's default order (name) and the workspaces' (most recently updated first), over all the
-- products an officer may see, in one province, in one commune, or in one status.
CREATE INDEX product_name_idx ON product (name, id);
CREATE INDEX product_updated_idx ON product (updated_at DESC NULLS LAST, id);
CREATE INDEX product_province_updated_idx ON product (province_code, updated_at DESC NULLS LAST, id);
CREATE INDEX product_commune_updated_idx ON product (commune_code, updated_at DESC NULLS LAST, id);
CREATE INDEX product_status_updated_idx ON product (status, updated_at DESC NULLS LAST, id);
DROP INDEX product_status_idx; -- the first column of product_status_updated_idx

-- Entities: the lists' default order (name) and the officers' most recently updated first.
CREATE INDEX entity_name_idx ON entity (name, id);
CREATE INDEX entity_updated_idx ON entity (updated_at DESC NULLS LAST, id);
