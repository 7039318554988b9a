-- An e-mailed invitation's address is kept sealed under the server keys (not in the database, nor in backups),
-- no longer as a plain SHA-256 that anyone with a list of staff addresses could match. A hash cannot be
-- sealed: those of links that have stopped working go now; a link still working keeps its hash until used.
alter table groups_invitation add column invited_email varchar(1000);
update groups_invitation set email_hash = null where expires_at <= current_timestamp or revoked or uses >= max_uses;
