-- Meetings of a group: when and where, who facilitates and takes notes, the agenda, and who says they
-- will come. Minutes, attendance, the speaking queue and actions come in later migrations.
create table meetings_meeting (
    id uuid primary key,
    group_id uuid not null,
    title varchar(150) not null,
    starts_at timestamp with time zone not null,
    ends_at timestamp with time zone not null,
    place varchar(200) not null,
    online_link varchar(500) not null,
    facilitator_id uuid,
    note_taker_id uuid,
    created_by uuid,
    cancelled boolean not null
);
create index meetings_meeting_group on meetings_meeting (group_id, starts_at);

create table meetings_agenda_item (
    id uuid primary key,
    meeting_id uuid not null references meetings_meeting (id) on delete cascade,
    position integer not null,
    text varchar(300) not null,
    unique (meeting_id, position)
);

create table meetings_rsvp (
    meeting_id uuid not null references meetings_meeting (id) on delete cascade,
    account_id uuid not null,
    answer varchar(8) not null,
    primary key (meeting_id, account_id)
);

create table meetings_settings (
    group_id uuid primary key,
    members_can_schedule boolean not null
);
