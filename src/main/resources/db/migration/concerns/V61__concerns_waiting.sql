-- An anonymous concern waits for its release here, not in concerns_concern (docs/anonymity.md, "The pool").
-- Written by the request into the table the named concerns go to, it took the place right after the named
-- concern raised before it, and the place it left when the job moved it stayed behind as a hole (a freed
-- line pointer in PostgreSQL, a missing row number in H2): a copy could tell that whoever raised that named
-- concern went on to raise an anonymous one. Here it stands only among other anonymous concerns; the mixing
-- job writes them again in a random order while they wait, and at the end of the period moves them into
-- concerns_concern itself, in a random order. concerns_concern.released is true on every row from now on.
create table concerns_waiting (
    id uuid primary key,
    group_id uuid not null,
    title varchar(150) not null,
    details varchar(5000) not null,
    category varchar(40) not null,
    affected varchar(300) not null,
    author_tag varchar(64) not null,
    receipt_lookup varchar(8) not null,
    receipt_hash varchar(255) not null,
    status varchar(16) not null,
    raised_on date not null,
    edited_on date,
    ended_on date,
    fresh boolean default true not null
);
create unique index concerns_waiting_receipt on concerns_waiting (receipt_lookup);
create index concerns_waiting_fresh on concerns_waiting (fresh);
insert into concerns_waiting (id, group_id, title, details, category, affected, author_tag, receipt_lookup,
        receipt_hash, status, raised_on, edited_on, ended_on, fresh)
    select id, group_id, title, details, category, affected, author_tag, receipt_lookup, receipt_hash, status,
        raised_on, edited_on, ended_on, true
    from concerns_concern where not released;
delete from concerns_concern where not released;
