-- Each member's signing secret, from which their anonymous tags are derived, sealed (AES-256-GCM) under a
-- key derived from their password with Argon2id; null until their first password sign-in. An access token
-- made while the secret was unlocked keeps it sealed under a key derived from the token itself.
alter table identity_account add column signing_key bytea;
alter table identity_account add column signing_key_salt bytea;
alter table identity_token add column signing_key bytea;
