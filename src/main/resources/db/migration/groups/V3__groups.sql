create table groups_group (
    id uuid primary key,
    name varchar(120) not null,
    employer varchar(120) not null,
    sector varchar(32) not null,
    professions varchar(300) not null,
    area varchar(80) not null,
    description varchar(2000) not null,
    listed boolean not null,
    neutral_name varchar(60),
    members_can_invite boolean not null default false,
    created_on date not null
);

create table groups_membership (
    group_id uuid not null references groups_group (id) on delete cascade,
    account_id uuid not null,
    role varchar(16) not null,
    joined_on date not null,
    primary key (group_id, account_id)
);
create index groups_membership_account on groups_membership (account_id);

create table groups_invitation (
    id uuid primary key,
    group_id uuid not null references groups_group (id) on delete cascade,
    code_hash varchar(64) not null,
    created_by uuid,
    created_on date not null,
    expires_at timestamp with time zone not null,
    max_uses int not null,
    uses int not null default 0,
    revoked boolean not null default false
);
create unique index groups_invitation_code on groups_invitation (code_hash);
create index groups_invitation_group on groups_invitation (group_id);

create table groups_network (
    id uuid primary key,
    name varchar(120) not null,
    description varchar(2000) not null,
    created_on date not null
);

create table groups_network_coordinator (
    network_id uuid not null references groups_network (id) on delete cascade,
    account_id uuid not null,
    primary key (network_id, account_id)
);

create table groups_network_group (
    network_id uuid not null references groups_network (id) on delete cascade,
    group_id uuid not null references groups_group (id) on delete cascade,
    primary key (network_id, group_id)
);
