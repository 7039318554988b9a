-- Answers saved part-way, to finish later on the same device. id is the SHA-256 of a random token that
-- only the device's cookie holds; owner is an HMAC of that token under the member's tag for the survey, so
-- the row names nobody and only the same member on the same device gets the answers back. Deleted when
-- the answers are sent or the survey closes.
create table surveys_draft (
    id varchar(64) primary key,
    survey_id uuid not null references surveys_survey (id) on delete cascade,
    owner varchar(64) not null,
    answers varchar(200000) not null
);
