-- One row that every fold locks (select ... for update) for its transaction: servers sharing the database
-- fold one batch at a time, as two folds would race to insert the same new counts.
create table surveys_fold_lock (
    id int not null,
    constraint surveys_fold_lock_pk primary key (id)
);
insert into surveys_fold_lock (id) values (1);
