-- Security-relevant events, without content and without addresses.
create table audit_event (
    id uuid primary key,
    occurred_at timestamp with time zone not null,
    group_id uuid,
    actor_id uuid,
    subject_id uuid,
    kind varchar(48) not null
);
create index audit_event_group on audit_event (group_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);
