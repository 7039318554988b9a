-- Results read one question's figures at a time across every group (a national survey has thousands), so
-- the counts are keyed question first: one question's table is one range of the key, not a row here and
-- there among every group's.
create table surveys_count_by_question (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    question_id uuid not null,
    by_question uuid not null,
    by_item integer not null,
    group_id uuid not null,
    item integer not null,
    respondents bigint not null,
    total bigint not null,
    primary key (survey_id, question_id, by_question, by_item, group_id, item)
);
insert into surveys_count_by_question (survey_id, question_id, by_question, by_item, group_id, item, respondents, total)
select survey_id, question_id, by_question, by_item, group_id, item, respondents, total from surveys_count;
drop table surveys_count;
alter table surveys_count_by_question rename to surveys_count;

-- Closing a survey writes its responses again under new ids in a random order (see Shuffle): the new id of
-- each response still to be rewritten. Rewritten a slice at a time, in the order of the new ids (random), so a
-- large survey is not one enormous transaction, and an interrupted rewrite carries on where it stopped.
create table surveys_shuffle (
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    old_id uuid primary key,
    new_id uuid not null
);
create index surveys_shuffle_order on surveys_shuffle (survey_id, new_id);

-- Each group's turnout, counted with the answers (as the nil question), so that results say how many
-- answered without counting responses.
insert into surveys_count (survey_id, question_id, by_question, by_item, group_id, item, respondents, total)
select r.survey_id, cast('00000000-0000-0000-0000-000000000000' as uuid),
    cast('00000000-0000-0000-0000-000000000000' as uuid), 0, r.group_id, -1, count(*), 0
from surveys_response r
where not exists (select 1 from surveys_pending p where p.response_id = r.id)
group by r.survey_id, r.group_id;

-- The fold finds its batch by this (after a burst, thousands of responses wait).
create index surveys_pending_batch on surveys_pending (batch);
