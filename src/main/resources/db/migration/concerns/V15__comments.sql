-- Members' discussion of a concern or a grievance. author_id is null for an anonymous comment, which keeps
-- a date only. A comment an organiser hides stays, for the audit, and shows as hidden.
create table concerns_comment (
    id uuid primary key,
    concern_id uuid references concerns_concern (id) on delete cascade,
    grievance_id uuid references concerns_grievance (id) on delete cascade,
    position integer not null,
    author_id uuid,
    text varchar(3000) not null,
    posted_on date not null,
    hidden boolean not null,
    hidden_by uuid
);
create unique index concerns_comment_concern on concerns_comment (concern_id, position);
create unique index concerns_comment_grievance on concerns_comment (grievance_id, position);
