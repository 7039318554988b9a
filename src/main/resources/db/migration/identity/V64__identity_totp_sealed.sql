-- Two-step sign-in secrets are sealed under a key the server holds outside the database (ServerKeys), so a
-- copy of the database or a backup does not hold the second factor; a sealed secret is longer than the secret.
-- TwoFactor seals the secrets kept in plain text until now when the server starts.
alter table identity_account alter column totp_secret set data type varchar(200);
