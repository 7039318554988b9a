-- Proposals and their ballots. An open ballot names its voter. A secret ballot stores the voter's tag for
-- this proposal (HMAC under their signing secret, see docs/anonymity.md) instead: one ballot per member,
-- refused twice by the primary key, and nothing that says who, not even a separate list of who voted,
-- which would share a transaction with the ballot. No ballot has a time, and none can be changed.
create table decisions_proposal (
    id uuid primary key,
    group_id uuid not null,
    title varchar(150) not null,
    details varchar(3000) not null,
    kind varchar(16) not null,
    majority varchar(16),
    points integer,
    quorum_percent integer not null,
    secret boolean not null,
    results_live boolean not null,
    closes_at timestamp with time zone not null,
    created_by uuid,
    created_on date not null
);
create index decisions_proposal_group on decisions_proposal (group_id, closes_at);

create table decisions_option (
    proposal_id uuid not null references decisions_proposal (id) on delete cascade,
    position integer not null,
    label varchar(150) not null,
    primary key (proposal_id, position)
);

create table decisions_ballot (
    proposal_id uuid not null references decisions_proposal (id) on delete cascade,
    voter varchar(64) not null,
    content varchar(2000) not null,
    primary key (proposal_id, voter)
);
