-- A network survey belongs to a network instead of a group: its coordinators build and run it, and it runs
-- in every group of the network at once (each response keeps the group it was given through).
alter table surveys_survey add column network_id uuid;
alter table surveys_survey alter column group_id drop not null;
create index surveys_survey_network on surveys_survey (network_id, created_on);
