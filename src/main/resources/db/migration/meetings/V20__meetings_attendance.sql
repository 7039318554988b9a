-- How many came: the facilitator or an organiser records a count (names are not kept).
alter table meetings_meeting add column attended integer;
