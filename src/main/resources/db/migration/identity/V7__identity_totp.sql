-- The shared secret of an account's optional second factor (TOTP, RFC 6238); null when not set up.
alter table identity_account add column totp_secret varchar(64);
