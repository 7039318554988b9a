-- The bullying book: a journal encrypted in its owner's browser. The server holds ciphertext, salts and
-- parameters only: no column here can be read without a key that never reaches it.

-- One journal an account. The journal key (AES-GCM, random) is stored wrapped twice: by a key derived from
-- the passphrase and by one derived from the recovery code. The key pair (RSA-OAEP) receives what others
-- seal to this journal (a rep's shares); its private half is stored wrapped by the journal key.
create table journal_keyring (
    account_id uuid primary key,
    kdf varchar(30) not null,
    iterations integer not null,
    salt varchar(64) not null,
    wrapped_key varchar(200) not null,
    recovery_salt varchar(64) not null,
    recovery_wrapped_key varchar(200) not null,
    public_key varchar(1000) not null,
    wrapped_private_key varchar(4000) not null,
    created_at timestamp with time zone not null
);

-- An entry and its versions: every edit is a new version, and the server's clock says when each was
-- written. An imported entry's versions keep the dates its backup gave them, and say so.
create table journal_entry (
    id uuid primary key,
    account_id uuid not null,
    imported_at timestamp with time zone
);
create index journal_entry_account on journal_entry (account_id);

create table journal_version (
    entry_id uuid not null references journal_entry (id) on delete cascade,
    version integer not null,
    written_at timestamp with time zone not null,
    iv varchar(24) not null,
    data varchar(60000) not null,
    primary key (entry_id, version)
);

-- A witness request: the author seals a summary with a key that travels only in the link's fragment, so
-- the server cannot read it; the colleague who opens the link confirms, sealed to the author's public key.
create table journal_witness (
    id uuid primary key,
    entry_id uuid not null references journal_entry (id) on delete cascade,
    token_hash varchar(64) not null unique,
    iv varchar(24) not null,
    summary varchar(8000) not null,
    requested_at timestamp with time zone not null,
    witness_id uuid,
    confirmation_key varchar(1000),
    confirmation_iv varchar(24),
    confirmation varchar(8000),
    confirmed_at timestamp with time zone
);
create index journal_witness_entry on journal_witness (entry_id);

-- Entries shared with a rep, each sealed to the rep's public key; revoking deletes them.
create table journal_share (
    id uuid primary key,
    author_id uuid not null,
    rep_id uuid not null,
    shared_at timestamp with time zone not null
);
create index journal_share_author on journal_share (author_id);
create index journal_share_rep on journal_share (rep_id);

create table journal_share_entry (
    share_id uuid not null references journal_share (id) on delete cascade,
    entry_id uuid not null references journal_entry (id) on delete cascade,
    sealed_key varchar(1000) not null,
    iv varchar(24) not null,
    data varchar(60000) not null,
    primary key (share_id, entry_id)
);
