-- Supervision after recognition (issue 14, part 1): yearly inspection plans of a province (or of the Ministry for
-- 5★ products), the inspections of certified products with what was checked, their findings and conclusion, the
-- corrective actions followed up until closed; and, in scoring, the proposal to revoke a certificate (Điều 8) that
-- an inspection's conclusion opens for the competent authority, with the 15 days of Điều 8.4.

-- scoring: a proposal to revoke, waiting for the competent authority. Completed by the revocation of its certificate.
CREATE TABLE revocation_proposal (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certificate_id   uuid NOT NULL REFERENCES certificate (id),
  -- One of the six grounds of Điều 8.1 (data/rules/qd-26-2026.json), the day it was established (the conclusion) and
  -- Điều 8.4's deadline (that day + 15), copied so the queue orders by it without the rules.
  ground           text NOT NULL,
  ground_found_on  date NOT NULL,
  deadline_on      date NOT NULL,
  evidence         text NOT NULL,
  -- What proposed it (an inspection) and where its record is read in the app.
  source_type      text NOT NULL CHECK (source_type IN ('inspection')),
  source_id        uuid NOT NULL,
  source_path      text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed')),
  proposed_by      uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_at     timestamptz,
  CHECK (deadline_on >= ground_found_on)
);
-- One pending proposal per certificate; the authority's queue by deadline.
CREATE UNIQUE INDEX revocation_proposal_pending_idx ON revocation_proposal (certificate_id) WHERE status = 'pending';
CREATE INDEX revocation_proposal_queue_idx ON revocation_proposal (deadline_on, id) WHERE status = 'pending';

-- supervision: a plan per province, level and year. 'province': the province's own plan (3★–4★ products, approved by
-- the province office); 'central': the Ministry's plan of the province's 5★ products (approved by the central office).
CREATE TABLE inspection_plan (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code  text NOT NULL REFERENCES province (code),
  level          text NOT NULL CHECK (level IN ('province', 'central')),
  year           integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  title          text NOT NULL,
  note           text,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  approved_by    uuid REFERENCES app_user (id),
  approved_at    timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (province_code, level, year),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL))
);
CREATE INDEX inspection_plan_year_idx ON inspection_plan (year DESC, province_code, level);

-- An inspection of one certified product: planned (an item of a plan, or unplanned after a complaint), then done with
-- its conclusion. What was checked is one JSON object (label, OCOP logo, traceability code, samples, production
-- conditions, the dossier's claims: each a result and a note); the lab's result file is a stored, content-checked file.
CREATE TABLE inspection (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id          uuid REFERENCES inspection_plan (id),
  product_id       uuid NOT NULL REFERENCES product (id),
  certificate_id   uuid NOT NULL REFERENCES certificate (id),
  entity_id        uuid NOT NULL REFERENCES entity (id),
  province_code    text NOT NULL REFERENCES province (code),
  level            text NOT NULL CHECK (level IN ('province', 'central')),
  -- Why it was chosen (complaints, expiring, never_inspected, trace_missing, complaint): codes, shown translated.
  reasons          jsonb NOT NULL DEFAULT '[]',
  due_on           date NOT NULL,
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
  inspected_on     date,
  team             jsonb NOT NULL DEFAULT '[]',
  checks           jsonb,
  lab_name         text,
  lab_result       text CHECK (lab_result IN ('pass', 'fail', 'pending')),
  lab_file_id      uuid REFERENCES stored_file (id),
  findings         text,
  conclusion       text CHECK (conclusion IN ('compliant', 'corrective_action', 'revocation_proposed')),
  concluded_on     date,
  revocation_ground text,
  revocation_proposal_id uuid REFERENCES revocation_proposal (id),
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (conclusion IS NOT NULL)),
  CHECK (conclusion IS NULL OR (inspected_on IS NOT NULL AND concluded_on IS NOT NULL AND concluded_on >= inspected_on)),
  CHECK ((conclusion = 'revocation_proposed') = (revocation_ground IS NOT NULL))
);
-- A product once per plan; the province's lists (due first); a product's history (never inspected, last inspection).
CREATE UNIQUE INDEX inspection_plan_product_idx ON inspection (plan_id, product_id) WHERE plan_id IS NOT NULL;
CREATE INDEX inspection_scope_idx ON inspection (province_code, status, due_on, id);
CREATE INDEX inspection_plan_idx ON inspection (plan_id, due_on, id);
CREATE INDEX inspection_product_idx ON inspection (product_id, status);

-- What the entity must put right after an inspection, by a deadline; followed up until closed with the evidence seen.
CREATE TABLE corrective_action (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id  uuid NOT NULL REFERENCES inspection (id),
  province_code  text NOT NULL REFERENCES province (code),
  description    text NOT NULL,
  due_on         date NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on      date,
  closing_note   text,
  closed_by      uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND closing_note IS NOT NULL))
);
CREATE INDEX corrective_action_inspection_idx ON corrective_action (inspection_id);
CREATE INDEX corrective_action_scope_idx ON corrective_action (province_code, status, due_on, id);
