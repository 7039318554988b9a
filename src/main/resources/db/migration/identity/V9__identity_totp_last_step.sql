-- The 30-second step of the last code accepted, so that a code seen over someone's shoulder cannot be
-- used again within its window.
alter table identity_account add column totp_last_step bigint;
