-- What each question's results may show, decided once when the survey has closed, over every figure any viewer
-- can see (docs/disclosure-control.md), and read back whenever results are shown: the threshold it was decided
-- with, and each hidden figure with the reason. A figure is a part (the whole survey, or one group of a network
-- survey: whole false and its group_id) and a breakdown's row (by_question, by_item; the nil id and 0 for
-- everyone). A question with no row here is not decided yet.
create table surveys_release (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    question_id uuid not null,
    threshold integer not null,
    primary key (survey_id, question_id)
);

create table surveys_hidden (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    question_id uuid not null,
    by_question uuid not null,
    by_item integer not null,
    whole boolean not null,
    group_id uuid not null,
    reason varchar(20) not null,
    primary key (survey_id, question_id, by_question, by_item, whole, group_id)
);

-- Surveys whose results could already be seen when this version came: their figures were decided by the rule
-- before the audit, table by table, on every request. Decided again now, they keep hidden whatever that rule
-- never showed, so that no figure appears that was not out already.
create table surveys_released_unaudited (
    survey_id uuid primary key references surveys_survey (id) on delete cascade
);
insert into surveys_released_unaudited (survey_id)
select id from surveys_survey where status in ('CLOSED', 'PUBLISHED') or (status = 'OPEN' and closes_on < current_date);
