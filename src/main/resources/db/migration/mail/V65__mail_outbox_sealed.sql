-- The outbox holds no usable link and no address a copy of the database could read: Mailer seals each
-- message's address and text under the server's keys (longer than the plain text), deletes a message once it
-- is sent, and deletes unsent ones when their link stops working (expires_at), after 7 days at most.
-- Messages already sent go now; the ones waiting are sealed when the server starts.
delete from mail_outbox where delivered;
alter table mail_outbox alter column recipient set data type varchar(600);
alter table mail_outbox alter column body set data type varchar(4000);
alter table mail_outbox add column expires_at timestamp with time zone;
update mail_outbox set expires_at = created_at + interval '7' day;
alter table mail_outbox alter column expires_at set not null;
create index mail_outbox_expires on mail_outbox (expires_at);
