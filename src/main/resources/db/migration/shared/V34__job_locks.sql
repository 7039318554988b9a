-- One row per scheduled job: the server that runs it holds the row until lock_until, so that a job runs
-- once across several servers (ShedLock's table, under Staffroom's name). lock_until and locked_at come
-- from the database's clock, so servers whose clocks disagree still agree on who holds a job.
create table shared_job_lock (
    name varchar(64) not null,
    lock_until timestamp(3) not null,
    locked_at timestamp(3) not null,
    locked_by varchar(255) not null,
    constraint shared_job_lock_pk primary key (name)
);
