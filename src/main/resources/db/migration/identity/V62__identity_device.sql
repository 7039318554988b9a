-- Browsers that have signed in to an account (OWASP's "device cookies"): a browser holding one is not
-- held back by the limits on wrong passwords per address and per account, which anyone sharing the
-- hospital's address could otherwise exhaust to lock the whole workforce out; it has its own limit instead.
-- Only a SHA-256 of the cookie and the day it stops counting, never an address or a browser's name.
create table identity_device (
    token_hash varchar(64) primary key,
    account_id uuid not null references identity_account (id) on delete cascade,
    expires_on date not null
);
create index identity_device_account on identity_device (account_id, expires_on);
