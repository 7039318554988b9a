-- The directory's own copy of what listed groups show publicly, kept up to date from groups' events.
create table directory_listing (
    group_id uuid primary key,
    name varchar(120) not null,
    employer varchar(120) not null,
    sector varchar(32) not null,
    professions varchar(300) not null,
    area varchar(80) not null,
    description varchar(2000) not null,
    search_text varchar(2700) not null
);

-- One row per word of a listing, so that word-prefix search uses an index on both databases.
create table directory_term (
    term varchar(64) not null,
    group_id uuid not null references directory_listing (group_id) on delete cascade,
    primary key (term, group_id)
);
create index directory_term_group on directory_term (group_id);

-- Kept only until an organiser handles it, then deleted.
create table directory_join_request (
    id uuid primary key,
    group_id uuid not null,
    name varchar(80) not null,
    contact varchar(254) not null,
    message varchar(1000) not null,
    received_on date not null
);
create index directory_join_request_group on directory_join_request (group_id);
