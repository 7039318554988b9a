-- Who has answered and what they answered wait in the pool until the mixing job releases them
-- (docs/anonymity.md, "The pool"): participants (the turnout members see) a few at a time, responses a
-- group's threshold at a time or at close, when they join the counts' queue. Flags, never times.
alter table surveys_participant add column released boolean default true not null;
alter table surveys_participant add column fresh boolean default false not null;
alter table surveys_response add column released boolean default true not null;
alter table surveys_response add column fresh boolean default false not null;
create index surveys_participant_waiting on surveys_participant (released, fresh);
create index surveys_response_waiting on surveys_response (released, fresh);
