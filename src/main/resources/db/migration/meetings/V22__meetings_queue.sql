-- The speaking queue of a meeting. state: WAITING, SPEAKING, DONE (has spoken), LEFT (took themselves off
-- or was taken off). position is the order of asking; the facilitator's view puts those who have spoken
-- less first. speaking_seconds is the optional time limit per speaker.
create table meetings_speaker (
    id uuid primary key,
    meeting_id uuid not null references meetings_meeting (id) on delete cascade,
    account_id uuid not null,
    position integer not null,
    state varchar(8) not null,
    unique (meeting_id, position)
);
create index meetings_speaker_member on meetings_speaker (meeting_id, account_id, state);
alter table meetings_meeting add column speaking_seconds integer;
