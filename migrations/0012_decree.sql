-- QĐ 26/2026/QĐ-TTg to the letter (issue 9, items 2–6).

-- Điều 8.4: "thời gian thu hồi giấy chứng nhận là 15 ngày" is a duty of the competent authority, not a bar: a
-- revocation decided later is valid. Its deadline and how many days late it came are stored with it, so the
-- authority and inspectors can list late revocations. Earlier revocations were refused past the deadline: none is late.
ALTER TABLE certificate
  ADD COLUMN revocation_deadline_on date,
  ADD COLUMN revocation_days_late   int CHECK (revocation_days_late >= 0);
UPDATE certificate SET revocation_deadline_on = revocation_ground_found_on + 15, revocation_days_late = 0
 WHERE status = 'revoked' AND revocation_ground_found_on IS NOT NULL;
CREATE INDEX certificate_late_revocation_idx ON certificate (revoked_on DESC) WHERE revocation_days_late > 0;

-- Phụ lục I's wording is a product set's name; where the score sheets of Phụ lục II word it differently, that wording
-- is an alias (searchable). Each set has Phụ lục I's managing agencies ("Cơ quan chủ trì quản lý"). The reference
-- loader fills and updates these from data/classification on every start (idempotent).
ALTER TABLE product_set
  ADD COLUMN aliases  jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN agencies jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Điều 11.2, 12.2: a dossier keeps the instrument it was filed under (QĐ 148/QĐ-TTg before 22/05/2026, QĐ 26 after)
-- and, when filed before 22/05/2026, the transition deadline it must be finished by (60 days for first ratings and
-- upgrades, 30 for re-ratings, from 22/05/2026). `instrument` stays the score sheets' instrument.
ALTER TABLE dossier
  ADD COLUMN filed_under       text,
  ADD COLUMN transition_due_on date;
UPDATE dossier SET filed_under = instrument;
ALTER TABLE dossier ALTER COLUMN filed_under SET NOT NULL;

-- Public holidays move to the database so an administrator (the central office) can load a new year's notice without
-- a release. data/holidays/vn.json seeds them (years loaded from the file are refreshed from it; a year an
-- administrator uploaded is theirs). Working-day deadlines read this calendar.
CREATE TABLE holiday_year (
  year          int  PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  notice_status text NOT NULL CHECK (notice_status IN ('official','provisional')),
  notice_ref    text,
  notice_note   text,
  source        text NOT NULL CHECK (source IN ('data','upload')),
  loaded_by     uuid,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  version       int  NOT NULL DEFAULT 1
);
CREATE TABLE holiday (
  date    date PRIMARY KEY,
  year    int  NOT NULL REFERENCES holiday_year(year) ON DELETE CASCADE,
  kind    text NOT NULL CHECK (kind IN ('holiday','compensated','swapped','working_day')),
  name    text NOT NULL,
  name_en text NOT NULL
);
CREATE INDEX holiday_year_idx ON holiday (year);
