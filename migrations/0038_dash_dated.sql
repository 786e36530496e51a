-- The dashboards' counts move to a new day without recounting the nation (issue 13: the first load of a day took
-- seconds at ten times national scale). Figures that depend on the day (certificates in force and expiring within the
-- re-rating window, OCOP entities, modern channels, products by stars and sector) are kept as of the day in
-- stats_count_state.as_of, and every later day on which one of them changes is written beside them as a dated change
-- (a certificate leaves "in force" the day after its last day, enters "expiring" 180 days before its expiry, a channel
-- starts or ends…), computed from the same rows at the same recount. A new day applies the changes due by then to the
-- communes' and the provinces' counts (a few hundred rows) instead of recounting every commune; a write still marks
-- its commune (0024's triggers), whose counts and changes are then recounted alone, and its province adjusted by the
-- difference (src/modules/stats/counts.repo.ts).
CREATE TABLE stats_commune_change (
  commune_code  text NOT NULL,
  province_code text NOT NULL,
  figure        text NOT NULL,
  key           text,
  on_day        date NOT NULL,
  n             integer NOT NULL
);
CREATE INDEX stats_commune_change_day_idx ON stats_commune_change (on_day);
CREATE INDEX stats_commune_change_commune_idx ON stats_commune_change (commune_code);

-- One row per area, figure and key, so that changes are added in place (ON CONFLICT … DO UPDATE); a row brought to
-- zero is removed (the partial indexes find them).
DELETE FROM stats_commune_count;
DELETE FROM stats_province_count;
CREATE UNIQUE INDEX stats_commune_count_key ON stats_commune_count (commune_code, figure, key) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX stats_province_count_key ON stats_province_count (province_code, figure, key) NULLS NOT DISTINCT;
CREATE INDEX stats_commune_count_zero_idx ON stats_commune_count (commune_code) WHERE n = 0;
CREATE INDEX stats_province_count_zero_idx ON stats_province_count (province_code) WHERE n = 0;
DROP INDEX stats_commune_count_idx; -- the unique index leads with the same columns

-- Recounted in full at the next read (the changes exist from then on).
UPDATE stats_count_state SET as_of = NULL;
