-- Spreadsheet imports: a dry-run preview is stored here, then committed once, all or nothing.
CREATE TABLE import_job (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by     uuid NOT NULL REFERENCES app_user(id),
  province_code  text REFERENCES province(code),
  commune_code   text REFERENCES commune(code),
  file_name      text NOT NULL,
  sha256         text NOT NULL,
  status         text NOT NULL DEFAULT 'preview' CHECK (status IN ('preview','committed')),
  totals         jsonb NOT NULL,
  -- the preview rows as shown, each with the validated record the commit writes
  rows           jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  committed_at   timestamptz,
  result         jsonb
);
CREATE INDEX import_job_created_by_idx ON import_job (created_by, created_at);
