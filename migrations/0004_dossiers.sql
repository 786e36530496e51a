-- Dossiers (hồ sơ đánh giá, phân hạng: Mẫu 01, 02, 03), their submissions and returns; councils (Hội đồng cấp tỉnh,
-- cấp trung ương and their Tổ tư vấn), conflicts of interest, sessions, independent member scoring with every
-- revision kept, per-criterion notes and the library of precedents. QĐ 26/2026/QĐ-TTg Điều 5–7, Phụ lục III.

CREATE TABLE dossier (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number            text NOT NULL UNIQUE,
  product_id        uuid NOT NULL REFERENCES product(id),
  entity_id         uuid NOT NULL REFERENCES entity(id),
  province_code     text NOT NULL REFERENCES province(code),
  commune_code      text NOT NULL REFERENCES commune(code),
  sheet             int  NOT NULL REFERENCES product_set(sheet),
  instrument        text NOT NULL,
  type              text NOT NULL CHECK (type IN ('first','upgrade','rerating')),
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','commune_reviewed','forwarded','returned',
                      'advisory_review','council_scoring','scored','sent_to_central','central_advisory','central_scoring',
                      'central_scored','certified','not_recognised','rejected')),
  registration      jsonb NOT NULL DEFAULT '{}'::jsonb,   -- Mẫu 01
  self_report       jsonb NOT NULL DEFAULT '{}'::jsonb,   -- Mẫu 02 parts I, II, IV
  answers           jsonb NOT NULL DEFAULT '{}'::jsonb,   -- Mẫu 02 part III: criterion code -> option id
  answer_notes      jsonb NOT NULL DEFAULT '{}'::jsonb,   -- criterion code -> description of the evidence
  commune_review    jsonb,                                -- Mẫu 03
  advisory_review   jsonb,                                -- Tổ tư vấn: field visit, extra tests, pre-score, report
  central_advisory  jsonb,
  province_result   jsonb,                                -- council result: mean, parts, stars, session
  central_result    jsonb,
  decision          jsonb,                                -- the competent authority's decision
  rejection         jsonb,                                -- "hồ sơ bị loại khi": condition, note, who, when
  returned_stage    text CHECK (returned_stage IN ('commune','province','central')),
  stars             int CHECK (stars BETWEEN 1 AND 5),
  certificate_number text,
  submitted_on      date,                                 -- received by the commune (Việt Nam date)
  commune_due_on    date,                                 -- 15 working days after receipt
  forwarded_on      date,                                 -- the commune's proposal to the province
  province_finish_before date,
  sent_to_central_on date,
  central_finish_before date,
  created_by        uuid REFERENCES app_user(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           int NOT NULL DEFAULT 1
);
CREATE INDEX dossier_scope_idx ON dossier (province_code, commune_code, status);
CREATE INDEX dossier_entity_idx ON dossier (entity_id);
CREATE INDEX dossier_product_idx ON dossier (product_id);
CREATE INDEX dossier_status_idx ON dossier (status);

-- Each submission (first and every resubmission) keeps a frozen copy of what was submitted.
CREATE TABLE dossier_submission (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossier(id),
  seq           int NOT NULL,
  submitted_at  timestamptz NOT NULL,
  submitted_by  uuid REFERENCES app_user(id),
  snapshot      jsonb NOT NULL,
  UNIQUE (dossier_id, seq)
);

CREATE TABLE dossier_return (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossier(id),
  stage         text NOT NULL CHECK (stage IN ('commune','province','central')),
  reasons       jsonb NOT NULL,
  returned_at   timestamptz NOT NULL,
  returned_by   uuid REFERENCES app_user(id),
  resubmitted_at timestamptz
);
CREATE INDEX dossier_return_dossier_idx ON dossier_return (dossier_id);

-- Evidence per criterion (Mẫu 02 part III); criterion_code NULL for the dossier as a whole. The bytes live in the
-- file store (src/app/files.ts, addressed by SHA-256); scoring keeps its own metadata rows.
CREATE TABLE dossier_file (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossier(id),
  criterion_code text,
  sha256        text NOT NULL,
  mime_type     text NOT NULL,
  size_bytes    int  NOT NULL,
  original_name text NOT NULL,
  caption       text,
  uploaded_by   uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_file_dossier_idx ON dossier_file (dossier_id);

-- ── councils ───────────────────────────────────────────────────────────────
CREATE TABLE council (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level         text NOT NULL CHECK (level IN ('province','central')),
  province_code text REFERENCES province(code),
  name          text NOT NULL,
  settings      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       int NOT NULL DEFAULT 1,
  CHECK ((level = 'central') = (province_code IS NULL))
);
CREATE INDEX council_province_idx ON council (province_code);

CREATE TABLE council_member (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id    uuid NOT NULL REFERENCES council(id),
  user_id       uuid NOT NULL REFERENCES app_user(id),
  team          text NOT NULL CHECK (team IN ('council','advisory')),
  role          text NOT NULL CHECK (role IN ('chair','secretary','member')),
  title         text,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, user_id)
);
CREATE INDEX council_member_user_idx ON council_member (user_id);

CREATE TABLE conflict_declaration (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id    uuid NOT NULL REFERENCES council(id),
  user_id       uuid NOT NULL REFERENCES app_user(id),
  entity_id     uuid NOT NULL REFERENCES entity(id),
  reason        text NOT NULL,
  declared_by   uuid REFERENCES app_user(id),
  declared_at   timestamptz NOT NULL,
  UNIQUE (council_id, user_id, entity_id)
);

CREATE TABLE council_session (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id    uuid NOT NULL REFERENCES council(id),
  title         text NOT NULL,
  scheduled_on  date NOT NULL,
  location      text,
  status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','open','closed')),
  present       jsonb NOT NULL DEFAULT '[]'::jsonb,    -- user ids of the members present
  quorum        jsonb,
  minutes_note  text,
  opened_at     timestamptz,
  closed_at     timestamptz,
  closed_by     uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       int NOT NULL DEFAULT 1
);
CREATE INDEX council_session_council_idx ON council_session (council_id, scheduled_on);

CREATE TABLE session_item (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id    uuid NOT NULL REFERENCES council_session(id),
  dossier_id    uuid NOT NULL REFERENCES dossier(id),
  position      int NOT NULL,
  rescore_round int NOT NULL DEFAULT 1,
  result        jsonb,
  UNIQUE (session_id, dossier_id)
);
CREATE INDEX session_item_dossier_idx ON session_item (dossier_id);

CREATE TABLE member_score (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id       uuid NOT NULL REFERENCES session_item(id),
  user_id       uuid NOT NULL REFERENCES app_user(id),
  answers       jsonb NOT NULL,
  total         numeric(6,2) NOT NULL,
  parts         jsonb NOT NULL,
  stars         int,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted')),
  comment       text,
  round         int NOT NULL DEFAULT 1,
  submitted_at  timestamptz,
  updated_at    timestamptz NOT NULL,
  version       int NOT NULL DEFAULT 1,
  UNIQUE (item_id, user_id)
);

-- Every save of a member's score: who, when, the version, what changed.
CREATE TABLE score_revision (
  id            bigserial PRIMARY KEY,
  score_id      uuid NOT NULL REFERENCES member_score(id),
  version       int NOT NULL,
  at            timestamptz NOT NULL,
  by_user       uuid NOT NULL REFERENCES app_user(id),
  action        text NOT NULL,
  answers       jsonb NOT NULL,
  total         numeric(6,2) NOT NULL,
  changed       jsonb NOT NULL                          -- [{ code, from, to }]
);
CREATE INDEX score_revision_score_idx ON score_revision (score_id, version);

CREATE TABLE criterion_note (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossier(id),
  criterion_code text NOT NULL,
  author_id     uuid NOT NULL REFERENCES app_user(id),
  author_side   text NOT NULL CHECK (author_side IN ('council','entity','office')),
  body          text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX criterion_note_dossier_idx ON criterion_note (dossier_id, criterion_code);

-- How a council read an ambiguous criterion, reusable across products.
CREATE TABLE precedent (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id    uuid REFERENCES council(id),
  sheet         int NOT NULL REFERENCES product_set(sheet),
  criterion_code text NOT NULL,
  title         text NOT NULL,
  body          text NOT NULL,
  dossier_id    uuid REFERENCES dossier(id),
  created_by    uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL,
  text_fold     text GENERATED ALWAYS AS (f_unaccent(title || ' ' || body)) STORED
);
CREATE INDEX precedent_sheet_idx ON precedent (sheet, criterion_code);
CREATE INDEX precedent_fold_trgm ON precedent USING gin (text_fold gin_trgm_ops);

-- Per commune and year: the sequence of the registration form number …/PĐK-(Mã tỉnh)-(Mã xã)-(Năm) (Mẫu 01).
CREATE TABLE dossier_seq (
  commune_code  text NOT NULL REFERENCES commune(code),
  year          int  NOT NULL,
  last_value    int  NOT NULL,
  PRIMARY KEY (commune_code, year)
);
