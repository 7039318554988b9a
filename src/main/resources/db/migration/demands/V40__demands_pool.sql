-- Support for a demand waits in the pool until the mixing job releases it (docs/anonymity.md, "The pool").
alter table demands_supporter add column released boolean default true not null;
alter table demands_supporter add column fresh boolean default false not null;
create index demands_supporter_waiting on demands_supporter (released, fresh);
