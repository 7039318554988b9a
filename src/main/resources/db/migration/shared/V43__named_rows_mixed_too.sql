-- Named rows that share a table with anonymous ones are written again by the mixing job too (docs/anonymity.md,
-- "The pool"): had they kept the places the requests gave them, the holes the job leaves where it took the
-- anonymous rows away (PostgreSQL's free line pointers, H2's row numbers) would say whose named act each
-- anonymous one came right after. Every row a request writes is fresh until the job has written it again.
alter table decisions_ballot alter column fresh set default true;
alter table demands_supporter alter column fresh set default true;
alter table concerns_cosign alter column fresh set default true;
alter table concerns_comment alter column fresh set default true;
alter table concerns_message alter column fresh set default true;
alter table concerns_grievance_info alter column fresh set default true;
alter table concerns_grievance_event alter column fresh set default true;
