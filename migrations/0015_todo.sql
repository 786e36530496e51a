-- 0015: the workspace to-do lists (GET /me/todo). Each list reads one role's scope through an index and stops at a
-- cap, so a commune officer's list and the Ministry's cost the same at national scale.

-- A commune officer's dossiers by status (dossier_scope_idx leads with the province, which the account may not carry).
CREATE INDEX dossier_commune_status_idx ON dossier (commune_code, status);

-- Entities awaiting approval, oldest first, per commune and per province: a few among hundreds of thousands.
CREATE INDEX entity_pending_commune_idx ON entity (commune_code, created_at) WHERE status = 'pending';
CREATE INDEX entity_pending_province_idx ON entity (province_code, created_at) WHERE status = 'pending';

-- An inspector's new certificates (issued in the last 90 days) and recent revocations.
CREATE INDEX certificate_issued_idx ON certificate (province_code, issued_on);
CREATE INDEX certificate_revoked_idx ON certificate (province_code, revoked_on) WHERE status = 'revoked';

-- A council member's open sessions.
CREATE INDEX council_session_open_idx ON council_session (council_id) WHERE status = 'open';
