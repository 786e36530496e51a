-- A search in another order than relevance walks the sort's index and tests each product for the search words
-- (registry.repo.ts sortedSearch): one probe of this index per product, which refuses a product without the words from
-- the index alone (they are included). It replaces the index on id alone, which the triggers' deletes still use.
CREATE INDEX product_word_id_word ON product_word (id, word) INCLUDE (words);
DROP INDEX product_word_id;
