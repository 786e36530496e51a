-- Programme (issue 15), parts 4, 7 and 8: news and guidance for the public (articles, guides, announcements, in
-- Vietnamese and optionally English, with images), the library of good models (case studies of entities and
-- products, searchable without diacritics), and access to credit (support programmes and preferential credit, and
-- the entities' applications with their outcome). Published by the central office (national: province_code NULL)
-- and the provincial offices (their province).

CREATE TABLE news_article (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The address of its public page (/tin-tuc/{slug}): lower-case ASCII words joined by '-', fixed once published.
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind           text NOT NULL CHECK (kind IN ('article', 'guide', 'announcement')),
  title_vi       text NOT NULL,
  title_en       text,
  summary_vi     text NOT NULL,
  summary_en     text,
  -- Markdown-lite (paragraphs, ## headings, - and 1. lists, **bold**, *italic*, [links](https://…)); never HTML.
  body_vi        text NOT NULL,
  body_en        text,
  province_code  text REFERENCES province (code),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'unpublished')),
  published_at   timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  CHECK (status = 'draft' OR published_at IS NOT NULL),
  CHECK ((title_en IS NULL) = (body_en IS NULL))
);
-- The public list and the feed: published, newest first.
CREATE INDEX news_article_published_idx ON news_article (published_at DESC, id DESC) WHERE status = 'published';
-- The offices' own lists.
CREATE INDEX news_article_office_idx ON news_article (province_code, created_at DESC, id);

CREATE TABLE news_image (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  article_id  uuid NOT NULL REFERENCES news_article (id) ON DELETE CASCADE,
  file_id     uuid NOT NULL REFERENCES stored_file (id),
  caption     text,
  position    integer NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, position)
);

CREATE TABLE good_model (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name           text NOT NULL,
  summary        text NOT NULL,
  what_they_did  text NOT NULL,
  results        text NOT NULL,
  lessons        text,
  topic          text NOT NULL CHECK (topic IN ('product_innovation', 'value_chain', 'cooperative', 'digital_sales', 'raw_material',
                                                'community_tourism', 'quality_standards', 'export', 'branding')),
  sector_code    text NOT NULL CHECK (sector_code IN ('I', 'II', 'III', 'IV', 'V', 'VI')),
  province_code  text NOT NULL REFERENCES province (code),
  entity_id      uuid REFERENCES entity (id),
  product_id     uuid REFERENCES product (id),
  -- Typed by the office when no certificate tells it (a product rated before the system, or none linked).
  score_before   numeric(5,2) CHECK (score_before BETWEEN 0 AND 100),
  stars_before   integer CHECK (stars_before BETWEEN 1 AND 5),
  score_after    numeric(5,2) CHECK (score_after BETWEEN 0 AND 100),
  stars_after    integer CHECK (stars_after BETWEEN 1 AND 5),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'unpublished')),
  published_at   timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  -- What a search without diacritics reads: "che shan tuyet" finds "Chè Shan tuyết".
  search_fold    text GENERATED ALWAYS AS (f_unaccent(name || ' ' || summary || ' ' || what_they_did || ' ' || results || ' ' || coalesce(lessons, ''))) STORED,
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE INDEX good_model_published_idx ON good_model (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX good_model_fold_trgm ON good_model USING gin (search_fold gin_trgm_ops);
CREATE INDEX good_model_product_idx ON good_model (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX good_model_office_idx ON good_model (province_code, created_at DESC, id);

CREATE TABLE good_model_file (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id    uuid NOT NULL REFERENCES good_model (id) ON DELETE CASCADE,
  file_id     uuid NOT NULL REFERENCES stored_file (id),
  kind        text NOT NULL CHECK (kind IN ('image', 'document')),
  caption     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX good_model_file_model_idx ON good_model_file (model_id, created_at);

CREATE TABLE credit_programme (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL,
  lender            text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('preferential_loan', 'interest_support', 'grant', 'guarantee')),
  description       text NOT NULL,
  conditions        text NOT NULL,
  -- The yearly rate in percent when there is one number; rate_note says the rest ("50 % of the commercial rate").
  rate_percent      numeric(5,2) CHECK (rate_percent >= 0 AND rate_percent <= 100),
  rate_note         text,
  max_amount_vnd    bigint CHECK (max_amount_vnd > 0),
  opens_on          date,
  deadline          date,
  legal_basis       text NOT NULL,
  contact           text,
  -- NULL: nationwide (the central office's); else the province whose office keeps it.
  province_code     text REFERENCES province (code),
  active            boolean NOT NULL DEFAULT true,
  created_by        uuid REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (deadline IS NULL OR opens_on IS NULL OR deadline >= opens_on)
);
CREATE INDEX credit_programme_list_idx ON credit_programme (province_code, created_at DESC, id);

CREATE TABLE credit_application (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id          uuid NOT NULL REFERENCES credit_programme (id),
  entity_id             uuid NOT NULL REFERENCES entity (id),
  requested_amount_vnd  bigint NOT NULL CHECK (requested_amount_vnd > 0),
  purpose               text NOT NULL,
  submitted_on          date NOT NULL,
  status                text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  approved_amount_vnd   bigint CHECK (approved_amount_vnd > 0),
  decided_on            date,
  rejection_reason      text,
  note                  text,
  -- The entity's place, copied at creation: the officers' scope reads it without a join.
  province_code         text NOT NULL,
  commune_code          text NOT NULL,
  recorded_by           uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK ((status = 'approved') = (approved_amount_vnd IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
  CHECK ((status = 'submitted') = (decided_on IS NULL))
);
CREATE INDEX credit_application_entity_idx ON credit_application (entity_id, created_at DESC, id);
CREATE INDEX credit_application_commune_idx ON credit_application (commune_code, created_at DESC, id);
CREATE INDEX credit_application_province_idx ON credit_application (province_code, created_at DESC, id);
CREATE INDEX credit_application_list_idx ON credit_application (created_at DESC, id);
CREATE INDEX credit_application_programme_idx ON credit_application (programme_id);
