-- A network survey can be opened to people outside Staffroom through a link: only the SHA-256 of its token
-- is kept. With codes required, each answer through the link needs a one-time code (kept as SHA-256 too,
-- deleted when used, in a transaction of its own apart from the answers).
alter table surveys_survey add column link_hash varchar(64);
alter table surveys_survey add column codes_required boolean default false not null;
create unique index surveys_survey_link on surveys_survey (link_hash);

create table surveys_code (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    code_hash varchar(64) not null,
    primary key (survey_id, code_hash)
);
