-- Product lists whose page is a range of one index (issue 11). A list walks the index of its sort and drops the rows
-- its filters refuse; when a filter keeps one row in thirty, the first page of 20 read 700 rows. These three serve
-- the catalogue's common views: a province's products by stars (the public catalogue opens on stars), a province's
-- products of one product set by name, and the products of a star rating by name. The province-and-set index
-- replaces the one without the name: it serves every query that one did.
CREATE INDEX product_province_catalogue_idx ON product (province_code, stars DESC NULLS LAST, updated_at DESC, id);
DROP INDEX product_province_set_idx;
CREATE INDEX product_province_set_idx ON product (province_code, product_set, name, id);
CREATE INDEX product_stars_name_idx ON product (stars, name, id);
