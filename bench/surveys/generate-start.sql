-- Respondents written straight into a survey's tables (run.sh feeds this to psql, then generate-chunk.sql
-- once per chunk, then generate-end.sql, in one session). Variables: survey, network (whose groups the
-- respondents are spread over evenly), groups (how many it has).
--
-- Foreign keys are not checked while loading (session_replication_role = replica skips their triggers): the
-- rows are consistent by construction, and 56 million checks would take longer than the load itself.
set session_replication_role = replica;
-- the questions as the answers need them: SCALE has its five points, NUMBER a range; free text is left out
create temp table bench_question as
select id, kind, min_value, max_value,
    case kind when 'SCALE' then 5 else cardinality(string_to_array(options, E'\n')) end n
from surveys_question where survey_id = :'survey' and kind <> 'TEXT';
create temp table bench_group as
select group_id, (row_number() over (order by group_id) - 1)::int k
from groups_network_group where network_id = :'network';
create unique index on bench_group (k);
create temp table bench_chunk (id uuid not null, group_id uuid not null);
-- every generated response, queued for counting at the end
create temp table bench_response (id uuid not null);
