-- Foundation: search helpers, administrative units, classification, accounts, registry, audit trail, outbox.
-- Written for PostgreSQL 15 (production) and PGlite (PostgreSQL 18): explicit STORED, no uuidv7().

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Diacritic-insensitive folding: 'Mật ong Đắk Lắk' -> 'mat ong dak lak'. IMMUTABLE so it can feed generated columns.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower($1)) $$;

-- ── geo ────────────────────────────────────────────────────────────────────
CREATE TABLE admin_unit_version (
  id            text PRIMARY KEY,
  valid_from    date NOT NULL,
  valid_to      date,
  instrument    text NOT NULL,
  source        text NOT NULL
);

CREATE TABLE province (
  code          text PRIMARY KEY,
  version_id    text NOT NULL REFERENCES admin_unit_version(id),
  name          text NOT NULL,
  name_en       text NOT NULL,
  full_name     text NOT NULL,
  full_name_en  text NOT NULL,
  name_fold     text GENERATED ALWAYS AS (f_unaccent(full_name)) STORED
);

CREATE TABLE commune (
  code          text PRIMARY KEY,
  province_code text NOT NULL REFERENCES province(code),
  version_id    text NOT NULL REFERENCES admin_unit_version(id),
  name          text NOT NULL,
  name_en       text NOT NULL,
  full_name     text NOT NULL,
  full_name_en  text NOT NULL,
  name_fold     text GENERATED ALWAYS AS (f_unaccent(full_name)) STORED
);
CREATE INDEX commune_province_idx ON commune (province_code);
CREATE INDEX commune_fold_idx ON commune (province_code, name_fold);

-- District-era communes and where they went on 1 July 2025.
CREATE TABLE commune_mapping (
  id             serial PRIMARY KEY,
  old_code       text,
  old_name       text NOT NULL,
  old_district   text NOT NULL,
  old_province   text NOT NULL,
  new_code       text NOT NULL REFERENCES commune(code),
  old_name_fold  text GENERATED ALWAYS AS (f_unaccent(old_name)) STORED,
  old_district_fold text GENERATED ALWAYS AS (f_unaccent(old_district)) STORED,
  old_province_fold text GENERATED ALWAYS AS (f_unaccent(old_province)) STORED
);
CREATE INDEX commune_mapping_old_idx ON commune_mapping (old_name_fold);

-- ── classification (Phụ lục I), tagged with its instrument ───────────────
CREATE TABLE product_set (
  sheet         int  NOT NULL,
  instrument    text NOT NULL,
  code          text NOT NULL,
  name          text NOT NULL,
  name_en       text NOT NULL,
  group_code    text NOT NULL,
  group_name    text NOT NULL,
  group_name_en text NOT NULL,
  sector_code   text NOT NULL,
  sector_name   text NOT NULL,
  sector_name_en text NOT NULL,
  PRIMARY KEY (sheet)
);

-- ── accounts ───────────────────────────────────────────────────────────────
CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL,
  full_name      text NOT NULL,
  password_hash  text,
  role           text NOT NULL CHECK (role IN ('central','province','commune','council','advisory','inspector','entity')),
  province_code  text REFERENCES province(code),
  commune_code   text REFERENCES commune(code),
  entity_id      uuid,
  active         boolean NOT NULL DEFAULT true,
  failed_logins  int NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        int NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

CREATE TABLE user_session (
  token_hash     text PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES app_user(id),
  csrf_token     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE api_token (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash     text NOT NULL UNIQUE,
  user_id        uuid NOT NULL REFERENCES app_user(id),
  name           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz
);

CREATE TABLE invitation (
  token_hash     text PRIMARY KEY,
  entity_id      uuid NOT NULL,
  email          text NOT NULL,
  invited_by     uuid NOT NULL REFERENCES app_user(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  accepted_at    timestamptz
);

-- ── registry ───────────────────────────────────────────────────────────────
CREATE TABLE entity (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                  text NOT NULL,
  type                  text NOT NULL CHECK (type IN ('htx','to_hop_tac','doanh_nghiep','trang_trai','ho_kinh_doanh')),
  registration_number   text NOT NULL,
  registration_date     date,
  tax_code              text,
  address               text NOT NULL,
  commune_code          text NOT NULL REFERENCES commune(code),
  province_code         text NOT NULL REFERENCES province(code),
  phone                 text,
  email                 text,
  website               text,
  representative        jsonb NOT NULL,
  workers               int,
  local_workers         int,
  status                text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
  status_reason         text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               int NOT NULL DEFAULT 1,
  name_fold             text GENERATED ALWAYS AS (f_unaccent(name)) STORED
);
CREATE UNIQUE INDEX entity_registration_idx ON entity (registration_number);
CREATE INDEX entity_province_idx ON entity (province_code, commune_code);
CREATE INDEX entity_fold_trgm ON entity USING gin (name_fold gin_trgm_ops);
ALTER TABLE app_user ADD CONSTRAINT app_user_entity_fk FOREIGN KEY (entity_id) REFERENCES entity(id);
ALTER TABLE invitation ADD CONSTRAINT invitation_entity_fk FOREIGN KEY (entity_id) REFERENCES entity(id);

-- Uploaded files: content-addressed in the file store (sha256), metadata here.
CREATE TABLE stored_file (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256        text NOT NULL,
  mime_type     text NOT NULL,
  size_bytes    int  NOT NULL,
  original_name text NOT NULL,
  uploaded_by   uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entity_document (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id     uuid NOT NULL REFERENCES entity(id),
  file_id       uuid NOT NULL REFERENCES stored_file(id),
  doc_type      text NOT NULL,
  number        text,
  issuer        text,
  issued_on     date,
  expires_on    date,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_document_entity_idx ON entity_document (entity_id);

-- Per-commune sequence behind the product code T-X-STT-YYYY.
CREATE TABLE commune_product_seq (
  commune_code  text PRIMARY KEY REFERENCES commune(code),
  last_value    int NOT NULL
);

CREATE TABLE product (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text NOT NULL UNIQUE,
  entity_id       uuid NOT NULL REFERENCES entity(id),
  name            text NOT NULL,
  product_set     int  NOT NULL REFERENCES product_set(sheet),
  description     text,
  ingredients     text,
  raw_material_area text,
  standard        text,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','registered','certified','expired','revoked')),
  stars           int CHECK (stars BETWEEN 1 AND 5),
  province_code   text NOT NULL REFERENCES province(code),
  commune_code    text NOT NULL REFERENCES commune(code),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         int NOT NULL DEFAULT 1,
  name_fold       text GENERATED ALWAYS AS (f_unaccent(name)) STORED
);
CREATE INDEX product_entity_idx ON product (entity_id);
CREATE INDEX product_province_idx ON product (province_code, commune_code);
CREATE INDEX product_set_idx ON product (product_set);
CREATE INDEX product_status_idx ON product (status);
CREATE INDEX product_fold_trgm ON product USING gin (name_fold gin_trgm_ops);

CREATE TABLE product_file (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id    uuid NOT NULL REFERENCES product(id),
  file_id       uuid NOT NULL REFERENCES stored_file(id),
  kind          text NOT NULL CHECK (kind IN ('image','document')),
  caption       text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_file_product_idx ON product_file (product_id);

-- ── audit trail: every change, in the same transaction ──────────────────────
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_id      uuid,
  action        text NOT NULL,
  record_type   text NOT NULL,
  record_id     text NOT NULL,
  province_code text,
  commune_code  text,
  before        jsonb,
  after         jsonb
);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, at);

-- ── transactional outbox: side effects run after commit ─────────────────────
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  event         text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz,
  attempts      int NOT NULL DEFAULT 0,
  last_error    text
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;
