-- Search by words, read from one index (issue 11). A product search used to find its candidates through the trigram
-- index of product_search (migration 0035): a bitmap of every row whose name holds the query's trigrams, then a
-- visit to each of those rows, scattered over the table, to check the pattern and read the ranking keys. A common
-- word ("mat ong": 30,000 of a million products) cost 30 ms whatever the page.
--
-- `product_word` holds one row per distinct word of each product's folded name, with everything a search filters and
-- ranks on, and one B-tree index that covers it all: a search reads the rows of one of its words (the longest: the
-- rarest, as a rule) as a contiguous range of that index, in the catalogue's order (stars, then recency), without
-- touching the table (an index-only scan), and checks its other words on the row's `words`. A query word matches
-- the start of a name's word: "mat" finds "Mật ong" and "matcha", "ong" finds "ong" (bee) but not "bông".
--
-- `words` is the folded name as its words alone, each between spaces (' mat ong hoa nhan '), so that a word's start
-- is ' ' || word. `prev_word` is the product's previous word in sorted order: a query word that begins two words
-- of one name (q "c" in "cà phê chồn") reads the product once, on the first of them.
--
-- Kept from product_search by statement-level triggers in the same transaction as every write, as that table is.
CREATE FUNCTION name_words(name_fold text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_remove(regexp_split_to_array(name_fold, '[^a-z0-9]+'), '') $$;

CREATE TABLE product_word (
  word          text COLLATE "C" NOT NULL,
  prev_word     text COLLATE "C",
  id            uuid NOT NULL,
  words         text NOT NULL,
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
CREATE INDEX product_word_search ON product_word (word, stars DESC NULLS LAST, updated_at DESC, id)
  INCLUDE (prev_word, words, status, province_code, commune_code, product_set, entity_id, entity_status, entity_type);
CREATE INDEX product_word_id ON product_word (id);

-- The rows of one product_search row: one per distinct word of its name.
CREATE FUNCTION product_word_rows(s product_search) RETURNS SETOF product_word
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT w.word, lag(w.word) OVER (ORDER BY w.word), s.id, ' ' || array_to_string(name_words(s.name_fold), ' ') || ' ',
         s.status, s.stars, s.updated_at, s.province_code, s.commune_code, s.product_set, s.entity_id, s.entity_status, s.entity_type
  FROM (SELECT DISTINCT u AS word FROM unnest(name_words(s.name_fold)) u) w
$$;

INSERT INTO product_word SELECT w.* FROM product_search s, product_word_rows(s) w;

CREATE FUNCTION product_word_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_word SELECT w.* FROM new_rows n, product_word_rows(n) w;
  RETURN NULL;
END $$;
CREATE TRIGGER product_word_inserted AFTER INSERT ON product_search REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_word_inserted();

-- product_search rows are rewritten only when a searched column moved (migration 0035): their words follow.
CREATE FUNCTION product_word_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_word w USING new_rows n WHERE w.id = n.id;
  INSERT INTO product_word SELECT w.* FROM new_rows n, product_word_rows(n) w;
  RETURN NULL;
END $$;
CREATE TRIGGER product_word_updated AFTER UPDATE ON product_search REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_word_updated();

CREATE FUNCTION product_word_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_word w USING old_rows o WHERE w.id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER product_word_deleted AFTER DELETE ON product_search REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_word_deleted();

-- product_search's own trigram index answered searches until now; nothing reads it any more.
DROP INDEX product_search_fold_trgm;
