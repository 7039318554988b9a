-- Asking someone to coordinate a network no longer makes them one at once, nor says whether their address has an
-- account: the person is asked on their home page and becomes a coordinator when they accept. A row is kept only
-- for an address that has an account; the page answers the same either way.
create table groups_network_offer (
    network_id uuid not null references groups_network (id) on delete cascade,
    account_id uuid not null,
    offered_on date not null,
    primary key (network_id, account_id)
);
create index groups_network_offer_account on groups_network_offer (account_id);
