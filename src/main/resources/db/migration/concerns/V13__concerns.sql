-- Concerns raised in a group, named or anonymous. See docs/anonymity.md before adding a column here: an
-- anonymous concern must carry nothing that links it to an account, and no time finer than a date.
create table concerns_concern (
    id uuid primary key,
    group_id uuid not null,
    title varchar(150) not null,
    details varchar(5000) not null,
    category varchar(40) not null,
    affected varchar(300) not null,
    -- named concerns only
    author_id uuid,
    -- the author's tag for this concern (HMAC under their signing secret), so they cannot co-sign their own
    author_tag varchar(64) not null,
    -- anonymous concerns only: the receipt's first part, to find the row, and a slow hash of the rest
    receipt_lookup varchar(8),
    receipt_hash varchar(255),
    status varchar(16) not null,
    raised_on date not null,
    edited_on date,
    ended_on date,
    -- the co-signature count members see, which moves in batches, and when it last moved
    visible_cosigns integer not null default 0,
    released_at timestamp with time zone,
    shared boolean not null default false
);
create unique index concerns_concern_receipt on concerns_concern (receipt_lookup);
create index concerns_concern_group on concerns_concern (group_id, raised_on, id);

-- One row per co-signature, without a time. The tag refuses a second co-signature by the same member
-- without naming them; account_id is set only for a named co-signature. Rows stay pending until the next
-- batch is released.
create table concerns_cosign (
    concern_id uuid not null references concerns_concern (id) on delete cascade,
    tag varchar(64) not null,
    account_id uuid,
    released boolean not null default false,
    primary key (concern_id, tag)
);
create unique index concerns_cosign_named on concerns_cosign (concern_id, account_id);
create index concerns_cosign_pending on concerns_cosign (released, concern_id);

-- The private conversation between a concern's author and the group's organisers. The author's messages
-- carry no account; position orders them, and only a date is kept.
create table concerns_message (
    id uuid primary key,
    concern_id uuid not null references concerns_concern (id) on delete cascade,
    position integer not null,
    from_author boolean not null,
    organiser_id uuid,
    text varchar(3000) not null,
    sent_on date not null,
    unique (concern_id, position)
);

create table concerns_settings (
    group_id uuid primary key,
    threshold integer not null,
    retention_months integer not null,
    members_can_adopt boolean not null
);
