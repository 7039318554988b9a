-- A proposal made at a meeting refers to it, so that its page links back to the meeting.
alter table decisions_proposal add column meeting_id uuid;
