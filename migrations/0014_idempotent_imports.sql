-- Imports that can be run twice (issue 10, item 6) and previews that do not hold the server (issue 8, uploads).
--
-- The preview's rows move from one jsonb array in import_job (a 20,000-row workbook made one 10 MB value, written and
-- read in one go) to a row each: written in batches, read back a page at a time, filtered by what the row would do.
CREATE TABLE import_row (
  job_id     uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
  n          int NOT NULL,          -- the row's place in the preview (entities first, then products)
  action     text NOT NULL CHECK (action IN ('create','update','unchanged','error')),
  duplicate  boolean NOT NULL DEFAULT false,  -- a possible duplicate of a record already in the system
  shown      jsonb NOT NULL,        -- the row as the preview shows it: sheet, row, label, errors, changes, duplicates
  plan       jsonb,                 -- what the commit writes or checks (absent on error rows)
  PRIMARY KEY (job_id, n)
);
CREATE INDEX import_row_action_idx ON import_row (job_id, action, n);
CREATE INDEX import_row_duplicate_idx ON import_row (job_id, n) WHERE duplicate;

INSERT INTO import_row (job_id, n, action, shown, plan)
SELECT j.id, x.n, x.item->>'action', x.item - 'plan', x.item->'plan'
FROM import_job j, jsonb_array_elements(j.rows) WITH ORDINALITY AS x(item, n);
ALTER TABLE import_job DROP COLUMN rows;

-- The certificate import remembers what its preview announced (per row: action, target, version), so a commit
-- after the data changed is refused (409) instead of writing something nobody saw.
ALTER TABLE certificate_import ADD COLUMN planned jsonb;
