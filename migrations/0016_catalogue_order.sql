-- The public catalogue opens on certified products, the highest stars first and then the most recently updated
-- (GET / and GET /api/v1/products?sort=-stars): this index gives that order without sorting every certified product,
-- so the home page reads its 24 rows however large the catalogue grows.
CREATE INDEX product_catalogue_order_idx ON product (stars DESC NULLS LAST, updated_at DESC, id);
