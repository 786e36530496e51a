-- Trade promotion (issue 13), second half: fairs, exhibitions, trade missions and livestream sales days organised by an
-- office at its level (central: national; province; commune), the entities' registrations with their products, the
-- booths the organiser assigns and the results reported after the event; livestream sales sessions; community and
-- eco-tourism destinations (sector VI of the classification) with their coordinates, for the public map.

CREATE TABLE trade_event (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('fair', 'exhibition', 'trade_mission', 'livestream_day')),
  name                  text NOT NULL,
  -- The organising office's level and scope: national (central office), a province's office, a commune.
  level                 text NOT NULL CHECK (level IN ('national', 'province', 'commune')),
  province_code         text REFERENCES province (code),
  commune_code          text REFERENCES commune (code),
  organiser             text NOT NULL,
  -- Where it is held: a place in Việt Nam (its province) or abroad (ISO 3166-1 alpha-2 country, e.g. JP).
  venue                 text NOT NULL,
  country               text NOT NULL DEFAULT 'VN' CHECK (country ~ '^[A-Z]{2}$'),
  venue_province_code   text REFERENCES province (code),
  starts_on             date NOT NULL,
  ends_on               date NOT NULL,
  registration_deadline date,
  booths                integer CHECK (booths >= 0),
  description           text,
  status                text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'cancelled')),
  created_by            uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on),
  CHECK (registration_deadline IS NULL OR registration_deadline <= ends_on),
  CHECK ((level = 'national' AND province_code IS NULL AND commune_code IS NULL)
      OR (level = 'province' AND province_code IS NOT NULL AND commune_code IS NULL)
      OR (level = 'commune' AND province_code IS NOT NULL AND commune_code IS NOT NULL)),
  CHECK (country <> 'VN' OR venue_province_code IS NOT NULL)
);
CREATE INDEX trade_event_list_idx ON trade_event (starts_on DESC, id);
CREATE INDEX trade_event_province_idx ON trade_event (province_code, starts_on DESC) WHERE province_code IS NOT NULL;

CREATE TABLE trade_event_registration (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id       uuid NOT NULL REFERENCES trade_event (id),
  entity_id      uuid NOT NULL REFERENCES entity (id),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  status_reason  text,
  booth          text,
  decided_by     uuid REFERENCES app_user (id),
  decided_at     timestamptz,
  note           text,
  -- Results reported after the event (by the entity or the organising office).
  sales_vnd      bigint CHECK (sales_vnd >= 0),
  contracts      integer CHECK (contracts >= 0),
  new_partners   integer CHECK (new_partners >= 0),
  results_note   text,
  results_by     uuid REFERENCES app_user (id),
  results_at     timestamptz,
  -- The entity's place, copied at registration (the officers' scope and the indicators read it without a join).
  province_code  text NOT NULL,
  commune_code   text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (event_id, entity_id),
  CHECK (booth IS NULL OR status = 'approved')
);
-- A booth is one entity's per event.
CREATE UNIQUE INDEX trade_event_registration_booth_idx ON trade_event_registration (event_id, booth) WHERE booth IS NOT NULL;
CREATE INDEX trade_event_registration_entity_idx ON trade_event_registration (entity_id, created_at DESC);
CREATE INDEX trade_event_registration_province_idx ON trade_event_registration (province_code, status);

CREATE TABLE trade_event_registration_product (
  registration_id uuid NOT NULL REFERENCES trade_event_registration (id) ON DELETE CASCADE,
  product_id      uuid NOT NULL REFERENCES product (id),
  PRIMARY KEY (registration_id, product_id)
);

CREATE TABLE livestream_session (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id      uuid NOT NULL REFERENCES entity (id),
  event_id       uuid REFERENCES trade_event (id),
  platform       text NOT NULL CHECK (platform IN ('tiktok', 'facebook', 'shopee', 'lazada', 'youtube', 'zalo', 'other')),
  title          text,
  host           text NOT NULL,
  held_on        date NOT NULL,
  url            text CHECK (url ~ '^https?://'),
  viewers        integer NOT NULL DEFAULT 0 CHECK (viewers >= 0),
  orders         integer NOT NULL DEFAULT 0 CHECK (orders >= 0),
  sales_vnd      bigint NOT NULL DEFAULT 0 CHECK (sales_vnd >= 0),
  recorded_by    uuid REFERENCES app_user (id),
  province_code  text NOT NULL,
  commune_code   text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX livestream_session_list_idx ON livestream_session (held_on DESC, id);
CREATE INDEX livestream_session_entity_idx ON livestream_session (entity_id, held_on DESC);
CREATE INDEX livestream_session_province_idx ON livestream_session (province_code, held_on);

CREATE TABLE livestream_product (
  session_id uuid NOT NULL REFERENCES livestream_session (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES product (id),
  PRIMARY KEY (session_id, product_id)
);

CREATE TABLE tourism_destination (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('community', 'eco', 'site')),
  description    text,
  -- Managed by an entity (its own destination) or by the office that recorded it.
  entity_id      uuid REFERENCES entity (id),
  -- The OCOP product of sector VI (product set 26) this destination is rated as, when it has one.
  product_id     uuid REFERENCES product (id),
  province_code  text NOT NULL REFERENCES province (code),
  commune_code   text NOT NULL REFERENCES commune (code),
  latitude       double precision NOT NULL CHECK (latitude BETWEEN 8 AND 24),
  longitude      double precision NOT NULL CHECK (longitude BETWEEN 102 AND 118),
  season_months  integer[] NOT NULL DEFAULT '{}',
  season_note    text,
  services       text[] NOT NULL DEFAULT '{}',
  planning_zone  text,
  website        text CHECK (website ~ '^https?://'),
  published      boolean NOT NULL DEFAULT true,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX tourism_destination_place_idx ON tourism_destination (province_code, commune_code) WHERE published;
CREATE INDEX tourism_destination_point_idx ON tourism_destination (longitude, latitude) WHERE published;
