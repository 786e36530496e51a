-- Login that cannot be brute-forced, API tokens that expire, password reset by e-mail (issue 8, items 3 and 10).

-- Attempts counted in the database, so every server process behind a load balancer shares one budget. One row per
-- key (a hash of e.g. 'login:ip:203.0.113.7' — never the e-mail or address in clear) and fixed time window; the
-- limiter's single INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic under concurrent requests.
CREATE TABLE rate_limit (
  key_hash      text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          int NOT NULL
);
CREATE INDEX rate_limit_window_idx ON rate_limit (window_start);

-- API tokens expire; existing ones get the default 90 days from their creation.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
UPDATE api_token SET expires_at = created_at + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Password reset: single use (used_at), expiring, only the token's hash kept.
CREATE TABLE password_reset (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id);
