-- The programme (issue 15), parts 1 and 2: yearly plans with their targets, and product ideas in the OCOP cycle.
--
-- A plan is one per year and scope (a province, or the nation when province_code is NULL). Every edit writes a new
-- version (programme_plan_version); a version is a draft, then submitted, then approved, and an approved version is
-- never changed again: the next edit writes the next version as a draft while the approved one stays the plan in
-- force. Targets are a JSON list (their kinds are data: data/programme/plan-targets.json); progress is never stored,
-- it is computed from the registry, scoring and trade tables when read.
CREATE TABLE programme_plan (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year              integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  province_code     text,
  -- The newest version's number, and the newest approved one (NULL until a version is approved).
  latest_version    integer NOT NULL DEFAULT 1,
  approved_version  integer,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX programme_plan_scope_idx ON programme_plan (year, (COALESCE(province_code, '')));

CREATE TABLE programme_plan_version (
  plan_id        uuid NOT NULL REFERENCES programme_plan (id),
  number         integer NOT NULL CHECK (number >= 1),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved')),
  targets        jsonb NOT NULL,
  note           text,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  submitted_by   uuid REFERENCES app_user (id),
  submitted_at   timestamptz,
  approved_by    uuid REFERENCES app_user (id),
  approved_at    timestamptz,
  PRIMARY KEY (plan_id, number)
);

-- Product ideas (bước 2 of the cycle) and their business plans (bước 3–4): submitted to the commune before any product
-- exists, by a registered producer (entity_id) or by the commune officer for a producer not yet registered
-- (producer_name / producer_phone). The commune accepts an idea into the cycle or returns it with the reason.
CREATE TABLE product_idea (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id          uuid REFERENCES entity (id),
  producer_name      text NOT NULL,
  producer_phone     text,
  commune_code       text NOT NULL,
  province_code      text NOT NULL,
  title              text NOT NULL,
  product_set        integer REFERENCES product_set (sheet),
  description        text NOT NULL,
  raw_materials      text,
  market             text,
  status             text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
  status_reason      text,
  -- The cycle step of an idea: 'idea' until accepted, then 'business_plan' (awaiting / received), 'implementation'.
  step               text NOT NULL DEFAULT 'idea' CHECK (step IN ('idea', 'business_plan', 'implementation')),
  business_plan      jsonb,
  product_id         uuid REFERENCES product (id),
  decided_by         uuid REFERENCES app_user (id),
  decided_at         timestamptz,
  created_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK (status <> 'returned' OR status_reason IS NOT NULL),
  CHECK (status = 'accepted' OR step = 'idea')
);
CREATE INDEX product_idea_commune_idx ON product_idea (commune_code, created_at DESC, id);
CREATE INDEX product_idea_province_idx ON product_idea (province_code, created_at DESC, id);
CREATE INDEX product_idea_entity_idx ON product_idea (entity_id, created_at DESC) WHERE entity_id IS NOT NULL;
CREATE INDEX product_idea_product_idx ON product_idea (product_id) WHERE product_id IS NOT NULL;

-- The plans' live progress counts certificates issued in a year per province (and per kind and stars).
CREATE INDEX certificate_province_issued_idx ON certificate (province_code, issued_on) INCLUDE (kind, stars, product_id, status);
