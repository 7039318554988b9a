-- Demands to management, their support, their timeline, and each group's escalation ladder.
create table demands_demand (
    id uuid primary key,
    group_id uuid not null,
    what varchar(300) not null,
    reasons varchar(5000) not null,
    addressed_to varchar(200) not null,
    grievance_id uuid,
    respond_by date,
    status varchar(16) not null,
    outcome varchar(16),
    step integer not null,
    created_on date not null
);
create index demands_demand_group on demands_demand (group_id, created_on);

-- One row per supporting member, keyed by their tag for the demand (see docs/anonymity.md); the account
-- is kept only for those who chose to sign openly, whose names go on the letter.
create table demands_supporter (
    demand_id uuid not null references demands_demand (id) on delete cascade,
    supporter varchar(64) not null,
    signed_by uuid,
    primary key (demand_id, supporter)
);

create table demands_event (
    id uuid primary key,
    demand_id uuid not null references demands_demand (id) on delete cascade,
    position integer not null,
    occurred_on date not null,
    kind varchar(16) not null,
    detail varchar(2000) not null,
    proposal_id uuid,
    unique (demand_id, position)
);

create table demands_ladder (
    group_id uuid not null,
    position integer not null,
    label varchar(150) not null,
    primary key (group_id, position)
);
