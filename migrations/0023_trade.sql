-- Trade promotion (issue 13), first half: the entities' sales channels, verified by their commune or province, which
-- the modern-channel indicator counts (≥ 50 % of OCOP entities, QĐ 919/QĐ-TTg). Which types are "modern" is data
-- (data/trade/channels.json), not a column: changing the list changes the indicator without rewriting rows.

CREATE TABLE sales_channel (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_id        uuid NOT NULL REFERENCES entity (id),
  -- NULL: the channel sells the entity's products in general; else the one product it sells (and its price).
  product_id       uuid REFERENCES product (id),
  type             text NOT NULL CHECK (type IN ('supermarket', 'convenience_store', 'ocop_point_of_sale', 'ecommerce', 'own_website',
                                                 'social_shop', 'livestream', 'export', 'traditional_market', 'agent')),
  partner_name     text NOT NULL,
  shop_url         text CHECK (shop_url ~ '^https?://'),
  -- The retail price at this channel, in đồng (only for a channel of one product).
  price_vnd        bigint CHECK (price_vnd > 0),
  starts_on        date NOT NULL,
  ends_on          date,
  evidence_file_id uuid REFERENCES stored_file (id),
  note             text,
  status           text NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'verified', 'rejected')),
  status_reason    text,
  verified_by      uuid REFERENCES app_user (id),
  verified_at      timestamptz,
  -- The entity's place, copied at creation: the officers' scope and the indicator's filters read it without a join.
  province_code    text NOT NULL,
  commune_code     text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (price_vnd IS NULL OR product_id IS NOT NULL)
);
-- An entity's own list, newest first; the product page's "where to buy".
CREATE INDEX sales_channel_entity_idx ON sales_channel (entity_id, created_at DESC, id);
CREATE INDEX sales_channel_product_idx ON sales_channel (product_id) WHERE product_id IS NOT NULL;
-- The officers' verification queues (commune, province), oldest first.
CREATE INDEX sales_channel_queue_commune_idx ON sales_channel (commune_code, status, created_at, id);
CREATE INDEX sales_channel_queue_province_idx ON sales_channel (province_code, status, created_at, id);
CREATE INDEX sales_channel_list_idx ON sales_channel (created_at DESC, id);
-- The indicator: verified channels by entity, with what decides whether one counts (type, dates), index-only.
CREATE INDEX sales_channel_verified_idx ON sales_channel (entity_id) INCLUDE (type, starts_on, ends_on) WHERE status = 'verified';

-- The indicators count entities holding a certificate in force: by entity, index-only (scoring's table, read here).
CREATE INDEX certificate_entity_valid_idx ON certificate (entity_id, expires_on) WHERE status = 'valid';
-- Entities by status and place (the indicators' denominators per province and commune).
CREATE INDEX entity_status_place_idx ON entity (status, province_code, commune_code, id);
