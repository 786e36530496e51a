-- Running the programme (issue 15), parts 3, 5 and 6: capacity building (trainings, workshops, study tours with
-- invitations, registration, QR check-in, evaluations), standards and market requirements (each product's compliance
-- checklist with evidence and expiry dates; the requirements themselves are data, data/programme/standards.json), and
-- raw-material areas (registry), which a trace lot may name as its origin.

-- 3. Capacity building ----------------------------------------------------------------------------------------------
CREATE TABLE training (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('training', 'workshop', 'study_tour')),
  title          text NOT NULL,
  topic          text NOT NULL CHECK (topic IN ('cooperation', 'management', 'production', 'product_innovation', 'marketing', 'digital', 'standards', 'ocop_cycle', 'other')),
  level          text NOT NULL CHECK (level IN ('national', 'province', 'commune')),
  -- The organising office's area: none for the central office's national events, the province, or the commune.
  province_code  text,
  commune_code   text,
  starts_on      date NOT NULL,
  ends_on        date NOT NULL,
  place          text NOT NULL,
  trainers       text,
  budget_vnd     bigint CHECK (budget_vnd >= 0),
  description    text,
  cancelled      boolean NOT NULL DEFAULT false,
  organiser_id   uuid REFERENCES app_user (id),
  -- The key of the short-lived signed check-in links shown as a QR code (made when the organiser first shows one).
  checkin_secret text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on),
  CHECK ((level = 'national' AND province_code IS NULL AND commune_code IS NULL)
      OR (level = 'province' AND province_code IS NOT NULL AND commune_code IS NULL)
      OR (level = 'commune' AND province_code IS NOT NULL AND commune_code IS NOT NULL))
);
CREATE INDEX training_list_idx ON training (starts_on DESC, id);
CREATE INDEX training_province_idx ON training (province_code, starts_on DESC, id);
CREATE INDEX training_commune_idx ON training (commune_code, starts_on DESC, id) WHERE commune_code IS NOT NULL;

-- Who is invited: an entity (its members may register) or one person (an officer, a member).
CREATE TABLE training_invitation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  training_id uuid NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  entity_id   uuid REFERENCES entity (id),
  user_id     uuid REFERENCES app_user (id),
  invited_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((entity_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX training_invitation_entity_key ON training_invitation (training_id, entity_id) WHERE entity_id IS NOT NULL;
CREATE UNIQUE INDEX training_invitation_user_key ON training_invitation (training_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX training_invitation_entity_idx ON training_invitation (entity_id) WHERE entity_id IS NOT NULL;

-- One person at one training: registered (an account), or added by the organiser at the door (a name, no account).
CREATE TABLE training_attendee (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  training_id    uuid NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  user_id        uuid REFERENCES app_user (id),
  entity_id      uuid REFERENCES entity (id),
  full_name      text NOT NULL,
  position       text,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  attended_at    timestamptz,
  checkin_method text CHECK (checkin_method IN ('qr', 'manual')),
  marked_by      uuid REFERENCES app_user (id),
  CHECK ((attended_at IS NULL) = (checkin_method IS NULL))
);
CREATE UNIQUE INDEX training_attendee_user_key ON training_attendee (training_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX training_attendee_training_idx ON training_attendee (training_id, full_name);
CREATE INDEX training_attendee_entity_idx ON training_attendee (entity_id) WHERE entity_id IS NOT NULL;

-- The attendee's evaluation: a few ratings (1–5) and a comment, once.
CREATE TABLE training_evaluation (
  attendee_id  uuid PRIMARY KEY REFERENCES training_attendee (id) ON DELETE CASCADE,
  training_id  uuid NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  content      smallint NOT NULL CHECK (content BETWEEN 1 AND 5),
  trainers     smallint NOT NULL CHECK (trainers BETWEEN 1 AND 5),
  organisation smallint NOT NULL CHECK (organisation BETWEEN 1 AND 5),
  usefulness   smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
  comment      text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_evaluation_training_idx ON training_evaluation (training_id);

-- 5. Standards and market requirements ------------------------------------------------------------------------------
-- The export markets a product aims at (its checklist adds their requirements).
CREATE TABLE product_target_market (
  product_id uuid NOT NULL REFERENCES product (id),
  market     text NOT NULL,
  PRIMARY KEY (product_id, market)
);

-- One line of a product's checklist: a requirement of data/programme/standards.json, with its state and evidence.
CREATE TABLE compliance_item (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id         uuid NOT NULL REFERENCES product (id),
  requirement        text NOT NULL,
  status             text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'met', 'not_applicable')),
  certificate_number text,
  issuer             text,
  issued_on          date,
  expires_on         date,
  evidence_file_id   uuid REFERENCES stored_file (id),
  note               text,
  -- Copied from the product: the officers' scope and the expiring list read them without a join.
  entity_id          uuid NOT NULL REFERENCES entity (id),
  province_code      text NOT NULL,
  commune_code       text NOT NULL,
  updated_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  UNIQUE (product_id, requirement),
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on)
);
-- The expiring lists (nation, province, commune), soonest first.
CREATE INDEX compliance_item_expiry_idx ON compliance_item (expires_on, id) WHERE expires_on IS NOT NULL;
CREATE INDEX compliance_item_expiry_province_idx ON compliance_item (province_code, expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX compliance_item_expiry_commune_idx ON compliance_item (commune_code, expires_on) WHERE expires_on IS NOT NULL;

-- 6. Raw-material areas (registry) ----------------------------------------------------------------------------------
CREATE TABLE raw_material_area (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id        uuid NOT NULL REFERENCES entity (id),
  name             text NOT NULL,
  province_code    text NOT NULL,
  commune_code     text NOT NULL,
  -- A GeoJSON Point or Polygon (WGS 84, [longitude, latitude]), validated by registry/areas.rules.ts; its centre.
  location         jsonb NOT NULL,
  latitude         double precision NOT NULL,
  longitude        double precision NOT NULL,
  area_ha          numeric(12, 2) CHECK (area_ha > 0),
  kind             text NOT NULL CHECK (kind IN ('crop', 'livestock', 'aquaculture', 'forest', 'mixed')),
  produce          jsonb NOT NULL DEFAULT '[]',
  farming_standard text NOT NULL CHECK (farming_standard IN ('none', 'vietgap', 'globalgap', 'organic', 'pgs', 'other')),
  certificates     jsonb NOT NULL DEFAULT '[]',
  description      text,
  status           text NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'verified', 'rejected')),
  status_reason    text,
  verified_by      uuid REFERENCES app_user (id),
  verified_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX raw_material_area_entity_idx ON raw_material_area (entity_id, created_at);
CREATE INDEX raw_material_area_province_idx ON raw_material_area (province_code, created_at DESC, id);
CREATE INDEX raw_material_area_commune_idx ON raw_material_area (commune_code, created_at DESC, id);
CREATE INDEX raw_material_area_list_idx ON raw_material_area (created_at DESC, id);

-- The products that draw on an area (the entity's own products).
CREATE TABLE raw_material_area_product (
  area_id    uuid NOT NULL REFERENCES raw_material_area (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES product (id),
  PRIMARY KEY (area_id, product_id)
);
CREATE INDEX raw_material_area_product_product_idx ON raw_material_area_product (product_id);

-- The area a batch came from (trace reads the registry's area; set when the lot is recorded).
ALTER TABLE trace_lot ADD COLUMN raw_material_area_id uuid REFERENCES raw_material_area (id);
