-- Supervision, scoring integrity and process audit (issue 14): the audit trail searched by province and by user,
-- newest first, paged by its id (keyset); closed sessions found by status.
CREATE INDEX audit_log_province_id_idx ON audit_log (province_code, id);
CREATE INDEX audit_log_actor_id_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_action_id_idx ON audit_log (action, id);
CREATE INDEX council_session_status_idx ON council_session (status, council_id);
