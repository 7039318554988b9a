-- Attempts counted across every server, for limits that must hold whichever server a request reaches
-- (wrong passwords per account). A row lives for one window: the key is a SHA-256 of what is counted,
-- never the address of the client, and rows whose window has ended are deleted.
create table shared_throttle (
    throttle varchar(32) not null,
    key_hash varchar(64) not null,
    attempts int not null,
    window_ends timestamp with time zone not null,
    constraint shared_throttle_pk primary key (throttle, key_hash)
);
create index shared_throttle_window_ends on shared_throttle (window_ends);
