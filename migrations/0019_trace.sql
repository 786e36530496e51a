-- Value-chain traceability (issue 12): GS1 identifiers on the registry's records, the entity's locations as GLNs,
-- batches (lots), and the EPCIS 2.0 repository's events. Events are append-only: a correction is a new event
-- (errorDeclaration), never an UPDATE; each capture's hash covers the previous capture of the same chain.

-- Identifiers. An entity with its own GS1 company prefix numbers its products under it; the others get a GTIN under
-- the programme's prefix (OCOP_GS1_PREFIX) from one sequence, so two servers never hand out the same number.
ALTER TABLE entity ADD COLUMN gs1_company_prefix text CHECK (gs1_company_prefix ~ '^[0-9]{6,11}$');
ALTER TABLE product ADD COLUMN gtin text CHECK (gtin ~ '^[0-9]{14}$');
CREATE UNIQUE INDEX product_gtin_key ON product (gtin) WHERE gtin IS NOT NULL;
CREATE SEQUENCE programme_gtin_item_seq;
CREATE SEQUENCE programme_gln_location_seq;

-- Where things happen: raw-material areas, farms, workshops, warehouses, shops — each a GLN.
CREATE TABLE trace_location (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id     uuid NOT NULL REFERENCES entity (id),
  gln           text NOT NULL UNIQUE CHECK (gln ~ '^[0-9]{13}$'),
  kind          text NOT NULL CHECK (kind IN ('raw_material_area', 'farm', 'workshop', 'warehouse', 'shop')),
  name          text NOT NULL,
  province_code text,
  commune_code  text,
  address       text,
  latitude      double precision,
  longitude     double precision,
  description   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX trace_location_entity_idx ON trace_location (entity_id);

-- A batch of a product: GTIN + lot (AI 10), with its dates.
CREATE TABLE trace_lot (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id  uuid NOT NULL REFERENCES product (id),
  gtin        text NOT NULL,
  lot         text NOT NULL,
  produced_on date,
  expires_on  date,
  quantity    numeric,
  uom         text,
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (gtin, lot)
);
CREATE INDEX trace_lot_product_idx ON trace_lot (product_id, created_at DESC);

-- One capture job (POST /epcis/capture). `chain` is the entity whose hash chain the capture extends (NULL: the
-- central office's and its partners' chain); `hash` = sha-256 of (prev_hash, the stored events).
CREATE TABLE epcis_capture (
  id              text PRIMARY KEY,
  entity_id       uuid REFERENCES entity (id),
  chain_seq       bigint,
  prev_hash       text,
  hash            text,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  running         boolean NOT NULL DEFAULT true,
  success         boolean,
  error_behaviour text NOT NULL DEFAULT 'rollback',
  errors          jsonb,
  event_count     integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX epcis_capture_chain_key ON epcis_capture (COALESCE(entity_id, '00000000-0000-0000-0000-000000000000'::uuid), chain_seq) WHERE chain_seq IS NOT NULL;

-- An event as captured: `body` is the event object and `context` the document's @context, so a query returns it in
-- the JSON-LD it came in; the columns beside it are what the query language filters on.
CREATE TABLE epcis_event (
  seq                   bigserial PRIMARY KEY,
  event_id              text NOT NULL UNIQUE,
  capture_id            text NOT NULL REFERENCES epcis_capture (id),
  entity_id             uuid REFERENCES entity (id),
  event_type            text NOT NULL,
  event_time            timestamptz NOT NULL,
  event_time_zone       text NOT NULL,
  record_time           timestamptz NOT NULL DEFAULT now(),
  action                text,
  biz_step              text,
  disposition           text,
  read_point            text,
  biz_location          text,
  has_error_declaration boolean NOT NULL DEFAULT false,
  context               jsonb,
  body                  jsonb NOT NULL
);
CREATE INDEX epcis_event_time_idx ON epcis_event (event_time, seq);
CREATE INDEX epcis_event_record_time_idx ON epcis_event (record_time, seq);
CREATE INDEX epcis_event_biz_step_idx ON epcis_event (biz_step, event_time);
CREATE INDEX epcis_event_biz_location_idx ON epcis_event (biz_location, event_time);
CREATE INDEX epcis_event_entity_idx ON epcis_event (entity_id, seq);

-- Every identifier an event names, canonical (gs1.rules.ts canonicalId), with its role: what MATCH_epc,
-- MATCH_anyEPC, MATCH_epcClass … and the genealogy read through one index.
CREATE TABLE epcis_event_epc (
  event_seq bigint NOT NULL REFERENCES epcis_event (seq),
  role      text NOT NULL CHECK (role IN ('epc', 'parent', 'child', 'input', 'output', 'class', 'childClass', 'inputClass', 'outputClass')),
  epc       text NOT NULL
);
CREATE INDEX epcis_event_epc_idx ON epcis_event_epc (epc, role, event_seq);
CREATE INDEX epcis_event_epc_event_idx ON epcis_event_epc (event_seq);
