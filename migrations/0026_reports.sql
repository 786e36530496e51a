-- Consumer reports and complaints (issue 14, part 2): the triage queue of the province concerned. A report arrives
-- from the public product or trace page (source 'public' or 'trace'), or is typed in by an officer from a phone call
-- or a letter ('officer'). The reporter follows it by its reference code, without an account; the contact they
-- left (phone, e-mail) is personal data, never shown publicly. The categories and the service-level clock are data
-- (data/supervision/reports.json), so the category column is a code checked by the application, not an enum here.

CREATE TABLE report (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 'PA-<year>-<8 Crockford base-32 characters>', random (40 bits): short enough to read over the phone, not guessable.
  reference      text NOT NULL UNIQUE CHECK (reference ~ '^PA-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{8}$'),
  product_id     uuid NOT NULL REFERENCES product (id),
  lot            text CHECK (length(lot) <= 80),
  certificate_id uuid REFERENCES certificate (id),
  -- The product's place when the report arrived: the queue and the officers' scope read it without a join.
  province_code  text NOT NULL,
  commune_code   text NOT NULL,
  category       text NOT NULL CHECK (category ~ '^[a-z_]{2,40}$'),
  message        text NOT NULL CHECK (length(message) BETWEEN 5 AND 4000),
  contact        text CHECK (length(contact) <= 200),
  source         text NOT NULL CHECK (source IN ('public', 'officer', 'trace')),
  -- How an officer received a report typed in ('phone', 'letter', 'email', 'in_person'); NULL for the web forms.
  channel        text CHECK (channel IN ('phone', 'letter', 'email', 'in_person')),
  status         text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'triaging', 'investigating', 'closed', 'merged')),
  assigned_to    uuid REFERENCES app_user (id),
  duplicate_of   uuid REFERENCES report (id),
  -- The inspection this report triggered (the inspections are another table of this module; no foreign key).
  inspection_id  uuid,
  -- The service level (working days from receipt, data/supervision/reports.json): not a legal deadline.
  sla_due_on     date NOT NULL,
  resolution     text CHECK (length(resolution) <= 4000),
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  closed_at      timestamptz,
  version        integer NOT NULL DEFAULT 1,
  CHECK ((status = 'merged') = (duplicate_of IS NOT NULL)),
  CHECK (status <> 'closed' OR (resolution IS NOT NULL AND closed_at IS NOT NULL)),
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);
-- The triage queue of a province (and of a commune), by status, oldest first; the central office's, all provinces.
CREATE INDEX report_queue_province_idx ON report (province_code, status, created_at, id);
CREATE INDEX report_queue_commune_idx ON report (commune_code, status, created_at, id);
CREATE INDEX report_queue_idx ON report (status, created_at, id);
-- A product's complaints (the inspectors' risk-based plan suggests products with complaints); a lot's.
CREATE INDEX report_product_idx ON report (product_id, created_at DESC);
CREATE INDEX report_inspection_idx ON report (inspection_id) WHERE inspection_id IS NOT NULL;
CREATE INDEX report_duplicate_idx ON report (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Photos attached to a report (JPEG, PNG, WebP; content-checked and size-limited on upload).
CREATE TABLE report_attachment (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id   uuid NOT NULL REFERENCES report (id),
  file_id     uuid NOT NULL REFERENCES stored_file (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, file_id)
);

-- The reports the trace page kept until now move here ('new' → received, 'seen' → triaging, 'closed' → closed),
-- with a reference each and the service-level date counted as the application counts it: 10 working days after the
-- day of receipt (Việt Nam time), weekends and the holiday calendar excluded, make-up Saturdays worked. The trace
-- page now writes to this table; trace_report is left as it was (no longer written).
INSERT INTO report (reference, product_id, lot, certificate_id, province_code, commune_code, category, message, contact, source, status,
                    sla_due_on, resolution, created_at, updated_at, closed_at)
SELECT 'PA-' || to_char(t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8)),
       t.product_id, NULLIF(t.lot, ''),
       (SELECT c.id FROM certificate c WHERE c.product_id = t.product_id ORDER BY c.issued_on DESC NULLS LAST LIMIT 1),
       p.province_code, p.commune_code, 'other', t.message, t.contact, 'trace',
       CASE t.status WHEN 'new' THEN 'received' WHEN 'seen' THEN 'triaging' ELSE 'closed' END,
       (SELECT d::date FROM generate_series((t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 60, interval '1 day') AS d
         LEFT JOIN holiday h ON h.date = d::date
         WHERE (h.kind = 'working_day') OR (extract(isodow FROM d) < 6 AND (h.kind IS NULL OR h.kind NOT IN ('holiday', 'compensated', 'swapped')))
         ORDER BY d OFFSET 9 LIMIT 1),
       CASE WHEN t.status = 'closed' THEN 'Đã xử lý trên trang truy xuất (chuyển từ dữ liệu cũ).' END,
       t.created_at, t.created_at, CASE WHEN t.status = 'closed' THEN t.created_at END
  FROM trace_report t JOIN product p ON p.id = t.product_id;
