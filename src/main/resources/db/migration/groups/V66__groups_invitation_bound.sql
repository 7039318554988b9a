-- An e-mailed invitation works only for the address it was sent to (a hash of it, cleared once used), and a
-- newcomer on an open link gets a personal link by e-mail (parent_id: the open link it came from, whose uses
-- it counts), so that registering never tells anyone holding a link whether an address has an account.
alter table groups_invitation add column email_hash varchar(64);
alter table groups_invitation add column parent_id uuid references groups_invitation (id) on delete cascade;
create index groups_invitation_parent on groups_invitation (parent_id);
