-- What a meeting recorded: minutes (plain text with simple formatting), the decisions taken (one a line),
-- and action items, which carry over to later meetings until done.
create table meetings_minutes (
    meeting_id uuid primary key references meetings_meeting (id) on delete cascade,
    text varchar(20000) not null,
    decisions varchar(5000) not null
);

create table meetings_action (
    id uuid primary key,
    meeting_id uuid not null references meetings_meeting (id) on delete cascade,
    group_id uuid not null,
    position integer not null,
    what varchar(300) not null,
    owner_id uuid,
    due_on date,
    done boolean not null,
    unique (meeting_id, position)
);
create index meetings_action_open on meetings_action (group_id, done);
