-- Search compares terms as ranges of code points (word <= term < next word), as H2 does; the C collation
-- makes PostgreSQL order them the same way and lets the primary key index answer those ranges.
alter table directory_term alter column term type varchar(64) collate "C";
