-- EPCIS capture throughput (issue 12): every stored event paid an entry in the entity and business-location indexes
-- even when it has neither. Events captured by the central office and its partner repositories (the national
-- repository's bulk) carry no entity, and most events (inspection, packing, shipping, sale) name a read point but no
-- business location. Both indexes now hold only the rows that have the value: the queries that read them
-- (entity_id = $1 for an entity's own events; biz_location = ANY($1) for EQ_bizLocation and /epcis/bizLocations/…)
-- select only such rows, and PostgreSQL still uses the indexes for them, generic plans included.
DROP INDEX epcis_event_biz_location_idx;
CREATE INDEX epcis_event_biz_location_idx ON epcis_event (biz_location, event_time) WHERE biz_location IS NOT NULL;
DROP INDEX epcis_event_entity_idx;
CREATE INDEX epcis_event_entity_idx ON epcis_event (entity_id, seq) WHERE entity_id IS NOT NULL;
