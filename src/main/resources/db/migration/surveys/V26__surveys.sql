-- Surveys a group runs: built from sections and questions, some taken from the question bank (their code
-- stays with them so that answers pool across groups and years), then opened, closed and published.
create table surveys_survey (
    id uuid primary key,
    group_id uuid not null,
    title varchar(150) not null,
    intro varchar(3000) not null,
    status varchar(12) not null,
    closes_on date,
    copied_from uuid,
    created_by uuid,
    created_on date not null
);
create index surveys_survey_group on surveys_survey (group_id, created_on);

-- kind: SINGLE, SEVERAL, SCALE (5-point agreement), NUMBER (with a range), TEXT (free text: shown only to
-- organisers, never broken down). options: one a line. breakdown: results may be broken down by it.
-- sensitive: figures need the higher threshold.
create table surveys_question (
    id uuid primary key,
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    position integer not null,
    section varchar(150) not null,
    code varchar(40),
    kind varchar(12) not null,
    text varchar(500) not null,
    options varchar(3000) not null,
    min_value integer,
    max_value integer,
    breakdown boolean not null,
    sensitive boolean not null,
    required boolean not null,
    unique (survey_id, position)
);
