-- An approved request whose contact is not an e-mail address stays, marked approved, until the organiser has
-- passed the link on: otherwise the page that shows the link no longer says to whom. It keeps the id of its
-- invitation (never the link: a live secret), so that a lost link can be replaced by a new one.
alter table directory_join_request add column approved_on date;
alter table directory_join_request add column invitation_id uuid;
