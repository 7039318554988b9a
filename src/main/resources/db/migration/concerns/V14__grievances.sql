-- A concern taken up by the group: the problem, the information gathered, and the plan, each its own
-- record, with a status and a timeline. A grievance outlives the concern it came from (the concern may be
-- deleted under the group's retention), so that wins stay on record.
create table concerns_grievance (
    id uuid primary key,
    group_id uuid not null,
    concern_id uuid unique references concerns_concern (id) on delete set null,
    title varchar(150) not null,
    status varchar(16) not null,
    problem_what varchar(5000) not null,
    problem_who varchar(1000) not null,
    problem_responsible varchar(1000) not null,
    problem_since varchar(200) not null,
    adopted_on date not null
);
create index concerns_grievance_group on concerns_grievance (group_id, adopted_on);

-- Facts, policies, evidence and resources; added_by is null when added anonymously, and only a date is kept.
create table concerns_grievance_info (
    id uuid primary key,
    grievance_id uuid not null references concerns_grievance (id) on delete cascade,
    position integer not null,
    kind varchar(16) not null,
    text varchar(3000) not null,
    link varchar(500) not null,
    added_by uuid,
    added_on date not null,
    unique (grievance_id, position)
);

create table concerns_plan_item (
    id uuid primary key,
    grievance_id uuid not null references concerns_grievance (id) on delete cascade,
    position integer not null,
    what varchar(500) not null,
    owner_id uuid,
    due_on date,
    done boolean not null,
    unique (grievance_id, position)
);

-- What happened, in order; actor_id is null for anonymous additions.
create table concerns_grievance_event (
    id uuid primary key,
    grievance_id uuid not null references concerns_grievance (id) on delete cascade,
    position integer not null,
    occurred_on date not null,
    kind varchar(32) not null,
    detail varchar(500) not null,
    actor_id uuid,
    unique (grievance_id, position)
);
