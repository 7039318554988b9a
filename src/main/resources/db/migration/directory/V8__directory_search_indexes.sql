-- Search starts from its rarest word and checks the others group by group: that check needs terms by
-- group first. Listings by name let a search of only common words walk the directory in display order.
drop index directory_term_group;
create index directory_term_group_term on directory_term (group_id, term);
create index directory_listing_name on directory_listing (name, group_id);
