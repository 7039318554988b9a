-- One chunk of respondents: :from to :from + :n - 1, respondent i in group i mod :groups. One answer row per
-- question answered (one question in 20 skipped): the option number leans to the first options
-- (n * random ^ 1.7), so some breakdown cells are small; a number within the question's range (item 0); a
-- "choose any" question gets a second, different option three times in ten. "offset 0" keeps each row's
-- draws drawn once (a subquery flattened into the outer query would draw again at each use).
truncate bench_chunk;
insert into bench_chunk (id, group_id)
select gen_random_uuid(), g.group_id from generate_series(:from, :from + :n - 1) i join bench_group g on g.k = i % :groups;
insert into surveys_response (id, survey_id, group_id) select id, :'survey', group_id from bench_chunk;
insert into surveys_answer (response_id, question_id, item, number, text)
select a.response_id, a.question_id, v.item, a.number, null
from (
    select c.id response_id, q.id question_id, q.kind, q.n,
        case when q.kind = 'NUMBER' then 0 else floor(q.n * power(random(), 1.7))::int end first_item,
        case when q.kind = 'NUMBER' then q.min_value + floor(random() * (q.max_value - q.min_value + 1))::int end number,
        random() skip_draw, random() second_draw, random() other_draw
    from bench_chunk c cross join bench_question q
    offset 0) a
cross join lateral (
    select a.first_item
    union all
    select (a.first_item + 1 + floor(a.other_draw * (a.n - 1))::int) % a.n where a.kind = 'SEVERAL' and a.second_draw < 0.3) v (item)
where a.skip_draw >= 0.05;
insert into bench_response select id from bench_chunk;
