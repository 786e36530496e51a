-- Notifications (issue 10 item 5): the in-app notification centre, each person's channels per kind, the delivery
-- record that keeps an outbox retry from delivering twice, the language a person reads mail in, and the record of
-- the re-rating reminders already sent (so the daily job enqueues each once per certificate and window).

-- One in-app notification for one person. Title and body are kept in both languages: the centre shows the reader's.
CREATE TABLE notification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user (id),
  kind        text NOT NULL,
  title       jsonb NOT NULL,
  body        jsonb NOT NULL,
  link        text,
  event_id    bigint,
  -- Milliseconds, as a JavaScript Date holds them: the page cursor carries the exact value.
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  read_at     timestamptz
);
-- The centre pages newest first by (created_at, id); the unread count reads the partial index only.
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- A person's choice per kind; no row means both channels on.
CREATE TABLE notification_preference (
  user_id     uuid NOT NULL REFERENCES app_user (id),
  kind        text NOT NULL,
  email       boolean NOT NULL,
  app         boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- One row per (outbox event, recipient, channel). The in-app row is written in the same transaction as the
-- notification; an e-mail's row is written before the send (delivered_at NULL) and stamped after it, so a retry of
-- the event skips every recipient already served. The recipient is a user id, or the address for someone without
-- an account (an invitation).
CREATE TABLE notification_delivery (
  event_id      bigint NOT NULL REFERENCES outbox (id),
  recipient     text NOT NULL,
  channel       text NOT NULL CHECK (channel IN ('email', 'app')),
  started_at    timestamptz NOT NULL DEFAULT now(),
  delivered_at  timestamptz,
  detail        text,
  PRIMARY KEY (event_id, recipient, channel)
);

-- The language a person reads e-mail in (vi when unset).
CREATE TABLE notification_setting (
  user_id     uuid PRIMARY KEY REFERENCES app_user (id),
  language    text NOT NULL CHECK (language IN ('vi', 'en')),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- scoring: the re-rating reminders already enqueued, one per certificate and window stage.
CREATE TABLE rerating_reminder (
  certificate_id  uuid NOT NULL REFERENCES certificate (id),
  stage           text NOT NULL CHECK (stage IN ('opening', 'closing')),
  enqueued_on     date NOT NULL,
  PRIMARY KEY (certificate_id, stage)
);
