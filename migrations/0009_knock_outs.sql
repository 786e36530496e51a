-- Issue 9.1, the notes that decide: the knock-outs a scorer ticked (criterion codes whose "Bị loại nếu …" or
-- "… không đánh giá các bước tiếp theo" condition they found met) and the facts they stated for applicability notes
-- ("Chỉ áp dụng khi có câu chuyện sản phẩm"), on each member's score (and its revisions) and on the producer's
-- self-assessment; and the criterion knock-outs an office cites when it returns a dossier.
ALTER TABLE member_score ADD COLUMN knock_outs jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE member_score ADD COLUMN conditions jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE score_revision ADD COLUMN knock_outs jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE dossier ADD COLUMN knock_outs jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE dossier ADD COLUMN conditions jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE dossier_return ADD COLUMN knock_outs jsonb NOT NULL DEFAULT '[]'::jsonb;
