-- Each member's private calendar feed of their groups' meetings: only a SHA-256 of the feed's secret is
-- kept. Making a new link replaces the old one; revoking deletes the row.
create table meetings_feed (
    account_id uuid primary key,
    token_hash varchar(64) not null unique,
    created_on date not null
);
