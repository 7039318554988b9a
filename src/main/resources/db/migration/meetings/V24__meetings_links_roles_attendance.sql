-- An agenda item may link to something the group is working on (a concern, a grievance, a demand): the
-- item keeps its title as text, what kind of thing it is (a message key) and the page it lives on.
alter table meetings_agenda_item add column link_kind varchar(40);
alter table meetings_agenda_item add column link_path varchar(200);

-- When an action was marked done, so that the momentum page can count actions done on time.
alter table meetings_action add column done_on date;

-- Whether the group records attendance by name (otherwise only as a count).
alter table meetings_settings add column attendance_by_name boolean default false not null;

create table meetings_attendee (
    meeting_id uuid not null references meetings_meeting (id) on delete cascade,
    account_id uuid not null,
    primary key (meeting_id, account_id)
);

-- From this version, taking oneself (or being taken) off the speaking queue before one's turn deletes the
-- waiting row instead of marking it LEFT: nothing read those rows, and a busy queue grew with each one.
-- Positions come from a count per meeting, so that a deleted row's position is never given again.
alter table meetings_meeting add column queue_asked integer default 0 not null;
update meetings_meeting set queue_asked = coalesce(
    (select max(s.position) from meetings_speaker s where s.meeting_id = meetings_meeting.id), 0);
delete from meetings_speaker where state = 'LEFT';
