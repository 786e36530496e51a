-- A producer's spreadsheet of recorded steps (issue 12, item 6): the preview keeps the file's rows as read (plain
-- values) and what each would do; the commit checks them again against the database, refuses to write if anything
-- changed since (409), then records the steps through the same command as the few-tap screen.
CREATE TABLE trace_import (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id     uuid NOT NULL REFERENCES entity(id),
  created_by    uuid NOT NULL REFERENCES app_user(id),
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  rows          jsonb NOT NULL,   -- the rows as read from the file (values, not cells)
  planned       jsonb NOT NULL,   -- per row, what the preview announced: action and the lot it names
  totals        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  committed_at  timestamptz,
  result        jsonb
);
CREATE INDEX trace_import_created_by_idx ON trace_import (created_by, created_at);
