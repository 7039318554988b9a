create table identity_account (
    id uuid primary key,
    email varchar(254) not null,
    display_name varchar(80) not null,
    password_hash varchar(255) not null,
    administrator boolean not null default false,
    created_on date not null
);
create unique index identity_account_email on identity_account (email);

-- personal access tokens and tokens issued by POST /api/v1/auth/token; only a SHA-256 of the token is kept
create table identity_token (
    id uuid primary key,
    account_id uuid not null references identity_account (id) on delete cascade,
    name varchar(80) not null,
    token_hash varchar(64) not null,
    kind varchar(16) not null,
    created_on date not null,
    expires_at timestamp with time zone
);
create unique index identity_token_hash on identity_token (token_hash);
create index identity_token_account on identity_token (account_id);

create table identity_password_reset (
    token_hash varchar(64) primary key,
    account_id uuid not null references identity_account (id) on delete cascade,
    expires_at timestamp with time zone not null
);
