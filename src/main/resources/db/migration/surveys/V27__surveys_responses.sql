-- Who has answered: the member's tag for the survey (an HMAC under their own signing secret, see
-- docs/anonymity.md), never their account, so one response each is enforced by the primary key without a
-- list of names. Kept apart from the answers.
create table surveys_participant (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    participant varchar(64) not null,
    primary key (survey_id, participant)
);

-- A response: no account, no code and no time, not even a date. Its id is random, so ids do not tell the
-- order responses came in either.
create table surveys_response (
    id uuid primary key,
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    group_id uuid not null
);
create index surveys_response_survey on surveys_response (survey_id);

-- One row per answer: item is the chosen option's number (one row each for choose any), the scale point
-- (0 to 4), or 0 for a number or a text.
create table surveys_answer (
    response_id uuid not null references surveys_response (id) on delete cascade,
    question_id uuid not null,
    item integer not null,
    number integer,
    text varchar(2000),
    primary key (response_id, question_id, item)
);
