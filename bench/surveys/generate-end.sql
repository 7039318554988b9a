-- Fresh statistics for the planner, as autovacuum would gather them soon after, then every generated
-- response queued for the server's fold (org.staffroom.surveys.Counts), all at once: the fold is timed
-- on its own.
analyze surveys_response;
analyze surveys_answer;
insert into surveys_pending (response_id) select id from bench_response;
analyze surveys_pending;
