-- An organiser is listed as a rep, to the members of their groups who keep a journal, only once they choose
-- to receive shares: whether someone keeps a journal is otherwise nobody else's business.
alter table journal_keyring add column receives_shares boolean default false not null;

-- whoever has already received a share had been listed, and members may be sharing with them
update journal_keyring set receives_shares = true where account_id in (select rep_id from journal_share);
