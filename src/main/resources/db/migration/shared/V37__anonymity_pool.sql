-- One row per feature that keeps anonymous acts waiting for release (docs/anonymity.md, "The pool"). The
-- mixing job locks a feature's row while it rewrites and releases that feature's waiting rows, and so does
-- any request that changes a waiting row in place (an author editing a concern not yet released), so that
-- neither loses the other's work. The rows never change: they are only locked.
create table shared_anonymity_lock (
    pool varchar(32) not null,
    constraint shared_anonymity_lock_pk primary key (pool)
);
insert into shared_anonymity_lock (pool) values ('concerns');
insert into shared_anonymity_lock (pool) values ('decisions');
insert into shared_anonymity_lock (pool) values ('demands');
insert into shared_anonymity_lock (pool) values ('surveys');
