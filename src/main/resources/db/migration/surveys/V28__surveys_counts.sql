-- Responses not yet counted, folded into surveys_count in batches by a job (and before results are read).
-- Rows leave as soon as they are counted, so this table never holds more than the last few seconds'
-- responses.
create table surveys_pending (
    response_id uuid primary key references surveys_response (id) on delete cascade,
    batch uuid
);

-- Counts kept up to date as responses arrive, so results never load responses. For each group and
-- question: item -1 counts the respondents who answered it (the figure's size) and total is the sum of
-- the numbers given; item 0 and up counts those who chose that option (or scale point). by_question is the
-- breakdown question (the nil id for none) and by_item its answer (-1: not stated).
create table surveys_count (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    group_id uuid not null,
    by_question uuid not null,
    by_item integer not null,
    question_id uuid not null,
    item integer not null,
    respondents bigint not null,
    total bigint not null,
    primary key (survey_id, group_id, by_question, by_item, question_id, item)
);
