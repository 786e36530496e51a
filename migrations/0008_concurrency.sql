-- What the database settles when requests race or several server processes share one PostgreSQL (issue 8, items 6
-- and 7). A command still checks first (for a precise answer in the common case); these constraints decide when two
-- writers pass the check at the same moment, and the command maps the constraint's name to the same 409 code.

-- ── one open dossier per product ────────────────────────────────────────────
-- "Open" is every status but the three final ones (the same list as openDossierOfProduct in dossiers.repo.ts).
CREATE UNIQUE INDEX dossier_one_open_idx ON dossier (product_id)
  WHERE status NOT IN ('certified', 'not_recognised', 'rejected');

-- ── one pending invitation per e-mail and entity ────────────────────────────
-- An expired pending invitation is revoked (kept, no longer usable) when the entity invites the address again.
ALTER TABLE invitation ADD COLUMN revoked_at timestamptz;
UPDATE invitation i SET revoked_at = now()
  WHERE i.accepted_at IS NULL AND EXISTS (
    SELECT 1 FROM invitation j
    WHERE j.entity_id = i.entity_id AND lower(j.email) = lower(i.email) AND j.accepted_at IS NULL
      AND (j.created_at, j.token_hash) > (i.created_at, i.token_hash));
CREATE UNIQUE INDEX invitation_one_pending_idx ON invitation (entity_id, lower(email))
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- ── one council in office per province, one central council ─────────────────
-- A council is a standing body (its members and settings change); a province reconstitutes it by dissolving the
-- old one, which keeps its sessions and scores for the record. Earlier duplicates: the newest stays in office.
ALTER TABLE council ADD COLUMN dissolved_at timestamptz;
UPDATE council c SET dissolved_at = now()
  WHERE EXISTS (
    SELECT 1 FROM council d
    WHERE d.level = c.level AND d.province_code IS NOT DISTINCT FROM c.province_code
      AND (d.created_at, d.id) > (c.created_at, c.id));
CREATE UNIQUE INDEX council_one_provincial_idx ON council (province_code) WHERE level = 'province' AND dissolved_at IS NULL;
CREATE UNIQUE INDEX council_one_central_idx ON council (level) WHERE level = 'central' AND dissolved_at IS NULL;

-- ── one active chair per council ────────────────────────────────────────────
CREATE UNIQUE INDEX council_one_chair_idx ON council_member (council_id)
  WHERE team = 'council' AND role = 'chair' AND active;

-- ── outbox: claimed with a lease, retried with backoff ──────────────────────
-- A worker claims a batch in one short statement (FOR UPDATE SKIP LOCKED), runs the handlers outside any
-- transaction, then marks each event processed or due again later. A claim whose worker died expires with its lease.
ALTER TABLE outbox
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN claimed_until   timestamptz,
  ADD COLUMN claimed_by      text;
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, id) WHERE processed_at IS NULL;

-- ── daily jobs: the last run of each, so a restart or a second process does not run it twice the same day ──
CREATE TABLE job_run (
  name          text PRIMARY KEY,
  last_day      date NOT NULL,          -- the Việt Nam calendar day of the last completed run
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz NOT NULL,
  runs          int NOT NULL DEFAULT 1, -- completed runs ever
  result        jsonb
);

-- ── public data version: bumped after each committed write, read by every process's micro-cache ──
CREATE TABLE data_version (
  id            int PRIMARY KEY CHECK (id = 1),
  n             bigint NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);
