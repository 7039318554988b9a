-- Whether the hourly digest has told opted-in members about a new concern, and about it being shared by
-- many. Flags, not times: a time of sending would date an anonymous concern to the second.
alter table concerns_concern add column announced boolean not null default false;
alter table concerns_concern add column shared_announced boolean not null default false;
-- released_at dated the batch that a co-signature completed to the second; the count now needs no time.
alter table concerns_concern drop column released_at;

-- Each member's choice of e-mails (all off until they choose). The e-mails say only that there is an
-- update, with a link.
create table concerns_notify (
    account_id uuid primary key,
    new_concern boolean not null,
    shared boolean not null,
    replies boolean not null
);
