-- Council sessions by written opinion (QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm d, e): for re-rating, the council
-- evaluates by written opinions and meets in person only when opinions diverge or a matter is complex. A session is
-- either a meeting (attendance, quorum) or written (every active scoring member is asked); a written session can be
-- converted to a meeting, and `converted_at` keeps that it started in writing. The chair's last re-score request on
-- an item (round, reason, members) is kept so the members asked can see they must score again.

ALTER TABLE council_session
  ADD COLUMN mode         text NOT NULL DEFAULT 'meeting' CHECK (mode IN ('meeting','written')),
  ADD COLUMN converted_at timestamptz;

ALTER TABLE session_item
  ADD COLUMN rescore_request jsonb;   -- {round, reason, members, at, by}
