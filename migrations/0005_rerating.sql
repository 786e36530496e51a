-- Re-rating at 36 months (QĐ 26/2026/QĐ-TTg Điều 7.6) and the transition grace of Điều 12.3.
--  - A re-rating dossier remembers the certificate it re-rates and whether it was filed after the window closed
--    (later than 120 days before expiry): such a filing keeps the certificate in force past its expiry until the
--    authority decides, at most 180 days (the numbers are in data/rules/qd-26-2026.json).
--  - The day the office receives the complete dossier (province: from the commune; Ministry: from the province)
--    starts the 45-day re-rating limit (Điều 7.6.g); the limit's last day is kept like the other deadlines.
--  - Audit records written by the system itself (the daily expiry job) name it, since they have no user.

ALTER TABLE dossier ADD COLUMN rerating_certificate_id uuid REFERENCES certificate(id);
ALTER TABLE dossier ADD COLUMN rerating_late boolean NOT NULL DEFAULT false;
ALTER TABLE dossier ADD COLUMN province_received_on date;   -- the province office accepted the complete dossier
ALTER TABLE dossier ADD COLUMN central_received_on date;    -- the Ministry's office accepted the complete dossier
ALTER TABLE dossier ADD COLUMN rerating_due_on date;        -- last day of the 45 days, counted from the latest receipt
CREATE INDEX dossier_rerating_certificate_idx ON dossier (rerating_certificate_id) WHERE rerating_certificate_id IS NOT NULL;

ALTER TABLE audit_log ADD COLUMN actor_label text;
