-- Anonymous acts wait in the pool until the mixing job releases them (docs/anonymity.md, "The pool"):
-- released: shown to the group (named acts are released at once); fresh: written or changed by a request
-- since the job last rewrote the pool, so it still stands where, and carries the transaction in which, the
-- request wrote it. Flags, never times.
alter table concerns_concern add column released boolean default true not null;
alter table concerns_concern add column fresh boolean default false not null;
alter table concerns_cosign add column fresh boolean default false not null;
alter table concerns_comment add column released boolean default true not null;
alter table concerns_comment add column fresh boolean default false not null;
alter table concerns_message add column released boolean default true not null;
alter table concerns_message add column fresh boolean default false not null;
alter table concerns_grievance_info add column released boolean default true not null;
alter table concerns_grievance_info add column fresh boolean default false not null;
alter table concerns_grievance_event add column released boolean default true not null;
alter table concerns_grievance_event add column fresh boolean default false not null;
-- A waiting comment, message or piece of information has no place in its conversation yet: it takes the
-- next one when it is released, so its place says nothing about when it was written.
alter table concerns_comment alter column position drop not null;
alter table concerns_message alter column position drop not null;
alter table concerns_grievance_info alter column position drop not null;
alter table concerns_grievance_event alter column position drop not null;
create index concerns_concern_waiting on concerns_concern (released, fresh);
create index concerns_cosign_fresh on concerns_cosign (fresh);
