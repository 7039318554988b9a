package org.staffroom.groups;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Times;

/**
 * Networks of groups (a union branch, a city-wide network): administrators create them and name their
 * coordinators; a group's organisers decide whether the group belongs.
 */
@Service
public class Networks {

    public record NetworkSummary(UUID id, String name, String description) {
    }

    public record NetworkGroup(UUID id, String name, boolean listed) {
    }

    public record NetworkView(UUID id, String name, String description, List<String> coordinators,
            List<NetworkGroup> groups, boolean coordinator) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final Clock clock;

    Networks(JdbcClient jdbc, GroupAccess access, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public UUID create(UUID adminId, String name, String description) {
        requireAdministrator(adminId);
        String validName = GroupDetails.required("name", name, GroupDetails.MAX_NAME);
        String validDescription = GroupDetails.optional("description", description, GroupDetails.MAX_DESCRIPTION);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into groups_network (id, name, description, created_on) values (?, ?, ?, ?)")
                .params(id, validName, validDescription, Times.today(clock)).update();
        return id;
    }

    /**
     * Administrators and the network's coordinators ask someone, by e-mail address, to coordinate the network.
     * Nothing says whether the address has an account (a coordinator is not an administrator): an account is
     * asked on its home page and becomes a coordinator when it accepts; an address without one changes nothing.
     */
    @Transactional
    public void offerCoordination(UUID actorId, UUID networkId, String email) {
        requireCoordinatorOrAdministrator(actorId, networkId);
        String address = Invitations.validAddress(email);
        accounts.findByEmail(address).filter(account -> !isCoordinator(account.id(), networkId))
                .ifPresent(account -> jdbc.sql("""
                        insert into groups_network_offer (network_id, account_id, offered_on) values (?, ?, ?)
                        on conflict do nothing""").params(networkId, account.id(), Times.today(clock)).update());
    }

    /** The networks the account has been asked to coordinate and has not answered. */
    public List<NetworkSummary> offeredTo(UUID accountId) {
        return jdbc.sql("""
                select n.id, n.name, n.description from groups_network n
                join groups_network_offer o on o.network_id = n.id where o.account_id = ? order by n.name""")
                .param(accountId).query(NetworkSummary.class).list();
    }

    /** The account answers an offer: yes makes it a coordinator; either way the offer goes. */
    @Transactional
    public void answerOffer(UUID accountId, UUID networkId, boolean accept) {
        int offered = jdbc.sql("delete from groups_network_offer where network_id = ? and account_id = ?")
                .params(networkId, accountId).update();
        if (offered == 0) {
            throw new DomainException.NotFound();
        }
        if (accept) {
            jdbc.sql(
                    "insert into groups_network_coordinator (network_id, account_id) values (?, ?) on conflict do nothing")
                    .params(networkId, accountId).update();
        }
    }

    /** For demo and seed data: makes an existing account a coordinator at once. */
    @Transactional
    public void addCoordinator(UUID actorId, UUID networkId, String email) {
        requireCoordinatorOrAdministrator(actorId, networkId);
        AccountView account = accounts.findByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("seed data names an account that does not exist"));
        jdbc.sql("insert into groups_network_coordinator (network_id, account_id) values (?, ?) on conflict do nothing")
                .params(networkId, account.id()).update();
    }

    /** A group's organisers put the group into a network. */
    @Transactional
    public void join(UUID organiserId, UUID groupId, UUID networkId) {
        access.requireOrganiser(groupId, organiserId);
        summary(networkId);
        jdbc.sql("insert into groups_network_group (network_id, group_id) values (?, ?) on conflict do nothing")
                .params(networkId, groupId).update();
    }

    @Transactional
    public void leave(UUID organiserId, UUID groupId, UUID networkId) {
        access.requireOrganiser(groupId, organiserId);
        jdbc.sql("delete from groups_network_group where network_id = ? and group_id = ?").params(networkId, groupId)
                .update();
    }

    public List<NetworkSummary> all() {
        return jdbc.sql("select id, name, description from groups_network order by name").query(NetworkSummary.class)
                .list();
    }

    public List<NetworkSummary> ofGroup(UUID groupId) {
        return jdbc.sql("""
                select n.id, n.name, n.description from groups_network n
                join groups_network_group ng on ng.network_id = n.id where ng.group_id = ? order by n.name""")
                .param(groupId).query(NetworkSummary.class).list();
    }

    public List<NetworkSummary> coordinatedBy(UUID accountId) {
        return jdbc.sql("""
                select n.id, n.name, n.description from groups_network n
                join groups_network_coordinator c on c.network_id = n.id where c.account_id = ? order by n.name""")
                .param(accountId).query(NetworkSummary.class).list();
    }

    /** Every group of the network, hidden ones included: for a caller that has checked the account coordinates it. */
    public List<NetworkGroup> groupsIn(UUID networkId) {
        return jdbc.sql("""
                select g.id, g.name, g.listed from groups_group g
                join groups_network_group ng on ng.group_id = g.id where ng.network_id = ? order by g.name""")
                .param(networkId).query(NetworkGroup.class).list();
    }

    public boolean isCoordinator(UUID accountId, UUID networkId) {
        return jdbc.sql("select count(*) from groups_network_coordinator where network_id = ? and account_id = ?")
                .params(networkId, accountId).query(Long.class).single() > 0;
    }

    /**
     * A network's page, for any signed-in account. Hidden groups appear only to coordinators and to their
     * own members.
     */
    public NetworkView view(UUID accountId, UUID networkId) {
        NetworkSummary network = summary(networkId);
        boolean coordinator = isCoordinator(accountId, networkId);
        List<UUID> coordinatorIds = jdbc.sql("select account_id from groups_network_coordinator where network_id = ?")
                .param(networkId).query(UUID.class).list();
        List<String> names = accounts.views(coordinatorIds).values().stream().map(AccountView::displayName).sorted()
                .toList();
        List<NetworkGroup> groups = jdbc.sql("""
                select g.id, g.name, g.listed from groups_group g
                join groups_network_group ng on ng.group_id = g.id where ng.network_id = ? order by g.name""")
                .param(networkId).query(NetworkGroup.class).list().stream()
                .filter(group -> coordinator || group.listed() || access.roleOf(group.id(), accountId).isPresent())
                .toList();
        return new NetworkView(network.id(), network.name(), network.description(), names, groups, coordinator);
    }

    private NetworkSummary summary(UUID networkId) {
        return jdbc.sql("select id, name, description from groups_network where id = ?").param(networkId)
                .query(NetworkSummary.class).optional().orElseThrow(DomainException.NotFound::new);
    }

    private void requireAdministrator(UUID accountId) {
        if (!accounts.get(accountId).administrator()) {
            throw new DomainException.Forbidden("error.administratorsOnly");
        }
    }

    private void requireCoordinatorOrAdministrator(UUID accountId, UUID networkId) {
        summary(networkId);
        if (!isCoordinator(accountId, networkId) && !accounts.get(accountId).administrator()) {
            throw new DomainException.Forbidden("error.coordinatorsOnly");
        }
    }
}
