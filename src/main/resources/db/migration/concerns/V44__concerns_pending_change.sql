-- An anonymous author's edit or withdrawal of a concern the group already sees waits for the mixing job
-- (docs/anonymity.md, "The pool"), so that the moment the group sees it change is not the moment the author
-- changed it: the new text (pending_title not null) or the withdrawal is kept here until the end of the
-- release period. Flags and text, never times.
alter table concerns_concern add column pending_title varchar(150);
alter table concerns_concern add column pending_details varchar(5000);
alter table concerns_concern add column pending_category varchar(40);
alter table concerns_concern add column pending_affected varchar(300);
alter table concerns_concern add column pending_withdrawal boolean default false not null;
