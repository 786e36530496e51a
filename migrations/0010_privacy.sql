-- Personal data (Nghị định 13/2023/NĐ-CP). Two things:
-- 1. An entity chooses whether its business phone and e-mail appear on its public page (publish_contact). Until it
--    chooses (NULL), organisations (HTX, tổ hợp tác, doanh nghiệp, trang trại) publish their business line and a
--    household business, whose phone is the person's own, does not (registry.rules.ts publishesContact).
-- 2. Every read of a record's sensitive fields (ethnicity, disability, sex, personal phone…) by someone other than
--    the data subject leaves a row here. Reads are many and are kept apart from audit_log, the trail of changes a
--    record's history shows.

ALTER TABLE entity ADD COLUMN publish_contact boolean;

CREATE TABLE personal_data_access (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_role   text NOT NULL,
  record_type  text NOT NULL,
  record_id    text NOT NULL,
  fields       jsonb NOT NULL,
  route        text NOT NULL,
  request_id   text
);
CREATE INDEX personal_data_access_record_idx ON personal_data_access (record_type, record_id, at);
CREATE INDEX personal_data_access_actor_idx ON personal_data_access (actor_id, at);
