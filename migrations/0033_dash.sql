-- The dashboards' counts gain the recognitions by month and stars, and by month and sector (figures
-- 'recognised_stars' and 'recognised_sector', keys 'YYYY-MM|stars' / 'YYYY-MM|sector': a period's products
-- recognised, src/modules/stats/counts.repo.ts). The counts are recomputed in full at the next read, so the new
-- figures exist from the first load after this migration.
UPDATE stats_count_state SET as_of = NULL;
