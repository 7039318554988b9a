-- A named concern keeps a SHA-256 of the one-time key of the form that raised it, so that sending the same form
-- again (a reload, a restored tab, a second tap) finds it instead of raising another. An anonymous concern
-- needs no column: its receipt is derived from the key (Receipt.derivedFrom). The key is random and kept only
-- in the form, so the hash points at nobody. Unique per author and group, as the look-up is.
alter table concerns_concern add column submission_hash varchar(64);
create unique index concerns_concern_submission on concerns_concern (group_id, author_id, submission_hash);
