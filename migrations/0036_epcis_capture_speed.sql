-- EPCIS capture throughput (issue 12, target ≥ 10,000 events/s on PostgreSQL). The two foreign keys inside the
-- repository cost a trigger call per stored row: 1,000 calls per 1,000-event document to re-read the capture row the
-- same statement's transaction has just written, and about 4,000 to re-read events the same statement has just
-- inserted (a third of the database's time per document). Both sides are written together by one statement
-- (epcis.repo.ts insertEvents), nothing deletes or edits a stored event (corrections are new events), and the hash
-- chain (GET /epcis/verify) already reports an event, an identifier row or a capture that goes missing or is altered.
-- The reference to the registry's entity (another module's table) stays.
ALTER TABLE epcis_event DROP CONSTRAINT epcis_event_capture_id_fkey;
ALTER TABLE epcis_event_epc DROP CONSTRAINT epcis_event_epc_event_seq_fkey;
