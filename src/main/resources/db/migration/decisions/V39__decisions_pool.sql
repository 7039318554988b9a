-- Secret ballots wait in the pool until the mixing job releases them (docs/anonymity.md, "The pool"); open
-- ballots are released at once. Flags, never times. A secret ballot never shows results while voting is open.
alter table decisions_ballot add column released boolean default true not null;
alter table decisions_ballot add column fresh boolean default false not null;
update decisions_proposal set results_live = false where secret;
create index decisions_ballot_waiting on decisions_ballot (released, fresh);
