-- Certificates (giấy chứng nhận kết quả phân hạng sản phẩm OCOP): issued for 3–5★, valid 36 months (Điều 4.3),
-- replaced on upgrade or re-rating with the history kept, revoked on one of the six grounds of Điều 8. Legacy
-- certificates issued under QĐ 1048/2019 and QĐ 148/2023 are imported with the instrument they were issued under
-- (Điều 12.1). 'expired' is never stored: it follows from expires_on and today's date.

-- Per province and year, the sequence behind the printed number OCOP-<province>-<year>-<seq>.
CREATE TABLE certificate_seq (
  province_code  text NOT NULL REFERENCES province(code),
  year           int  NOT NULL,
  last_value     int  NOT NULL,
  PRIMARY KEY (province_code, year)
);

CREATE TABLE certificate (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number                  text NOT NULL UNIQUE,
  product_id              uuid NOT NULL REFERENCES product(id),
  entity_id               uuid NOT NULL REFERENCES entity(id),
  province_code           text NOT NULL REFERENCES province(code),
  stars                   int  NOT NULL CHECK (stars BETWEEN 3 AND 5),
  kind                    text NOT NULL CHECK (kind IN ('first','upgrade','re_rating','legacy')),
  authority_level         text NOT NULL CHECK (authority_level IN ('province','central')),
  authority               text NOT NULL,            -- 'UBND tỉnh Tuyên Quang' / 'Bộ Nông nghiệp và Môi trường'
  decision_number         text NOT NULL,
  decided_on              date NOT NULL,
  issued_on               date NOT NULL,
  expires_on              date NOT NULL,
  instrument              text NOT NULL,            -- the legal instrument the rating was made under
  score                   numeric(5,2),             -- the council's mean total; null for imported legacy certificates
  evaluation_id           uuid,                     -- the council result it came from; null for legacy certificates
  source                  text NOT NULL DEFAULT 'system' CHECK (source IN ('system','import')),
  status                  text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','replaced','revoked')),
  replaces_id             uuid REFERENCES certificate(id),
  replaced_by_id          uuid REFERENCES certificate(id) DEFERRABLE INITIALLY DEFERRED, -- set before the successor row exists
  replaced_on             date,
  revocation_ground       text CHECK (revocation_ground IN ('a','b','c','d','dd','e')),
  revocation_ground_found_on date,
  revocation_decision_number text,
  revoked_on              date,
  revocation_authority    text,
  revocation_note         text,
  revoked_by              uuid REFERENCES app_user(id),
  created_by              uuid REFERENCES app_user(id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 int NOT NULL DEFAULT 1,
  CHECK (expires_on > issued_on),
  CHECK (status <> 'revoked' OR (revoked_on IS NOT NULL AND revocation_ground IS NOT NULL)),
  CHECK (status <> 'replaced' OR replaced_by_id IS NOT NULL)
);
CREATE INDEX certificate_product_idx ON certificate (product_id, issued_on);
CREATE INDEX certificate_entity_idx ON certificate (entity_id);
CREATE INDEX certificate_register_idx ON certificate (province_code, status, expires_on);
CREATE INDEX certificate_expiry_idx ON certificate (expires_on) WHERE status = 'valid';
-- A product has at most one certificate in force (valid, whether or not its date has passed).
CREATE UNIQUE INDEX certificate_one_current_idx ON certificate (product_id) WHERE status = 'valid';

-- A legacy-certificate spreadsheet between preview and commit: the parsed rows, nothing written elsewhere.
CREATE TABLE certificate_import (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name     text NOT NULL,
  created_by    uuid NOT NULL REFERENCES app_user(id),
  province_code text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  committed_at  timestamptz,
  rows          jsonb NOT NULL
);
