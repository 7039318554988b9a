package org.staffroom.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupEvents.GroupSaved;
import org.staffroom.groups.GroupEvents.MemberRemoved;
import org.staffroom.groups.GroupEvents.RoleChanged;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Times;

/** Groups' use cases: create and describe a group, see it, run its membership. */
@Service
public class Groups {

    public record Membership(UUID groupId, String name, String neutralName, Role role) {

        public String title() {
            return discreet() ? neutralName : name;
        }

        /** Whether the group goes by a harmless name in lists, so that an onlooker learns nothing from them. */
        public boolean discreet() {
            return neutralName != null && !neutralName.isBlank();
        }
    }

    public record Member(UUID accountId, String displayName, Role role, LocalDate joinedOn) {
    }

    private static final String GROUP_COLUMNS = """
            g.id, g.name, g.employer, g.sector, g.professions, g.area, g.description, g.listed, g.neutral_name,
            g.members_can_invite""";

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<GroupActivity> activities;

    Groups(JdbcClient jdbc, GroupAccess access, Accounts accounts, ApplicationEventPublisher events, Clock clock,
            List<GroupActivity> activities) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Any account may start a group and becomes its first organiser. */
    @Transactional
    public UUID create(UUID accountId, GroupDetails details) {
        GroupDetails valid = details.validated();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into groups_group (id, name, employer, sector, professions, area, description, listed,
                    neutral_name, members_can_invite, created_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, valid.name(), valid.employer(), valid.sector(), valid.professions(), valid.area(),
                        valid.description(), valid.listed(), emptyToNull(valid.neutralName()), valid.membersCanInvite(),
                        Times.today(clock))
                .update();
        addMember(id, accountId, Role.ORGANISER);
        publishSaved(id, valid);
        return id;
    }

    @Transactional
    public void update(UUID accountId, UUID groupId, GroupDetails details) {
        access.requireOrganiser(groupId, accountId);
        GroupDetails valid = details.validated();
        jdbc.sql("""
                update groups_group set name = ?, employer = ?, sector = ?, professions = ?, area = ?,
                    description = ?, listed = ?, neutral_name = ?, members_can_invite = ?
                where id = ?""")
                .params(valid.name(), valid.employer(), valid.sector(), valid.professions(), valid.area(),
                        valid.description(), valid.listed(), emptyToNull(valid.neutralName()), valid.membersCanInvite(),
                        groupId)
                .update();
        publishSaved(groupId, valid);
    }

    private void publishSaved(UUID id, GroupDetails valid) {
        events.publishEvent(new GroupSaved(id, valid.listed(), valid.name(), valid.employer(), valid.parsedSector(),
                valid.professions(), valid.area(), valid.description()));
    }

    /** @throws DomainException.NotFound unless the account is a member */
    /** What the group has won, most recent first, from every feature that records wins. */
    public List<GroupActivity.Win> wins(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return activities.stream().flatMap(activity -> activity.wins(groupId).stream())
                .sorted(java.util.Comparator.comparing(GroupActivity.Win::on,
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .toList();
    }

    /** What the member has to do in the group: overdue first, then soonest first. */
    public List<GroupActivity.Task> toDo(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return activities.stream().flatMap(activity -> activity.toDo(groupId, accountId).stream())
                .sorted(java.util.Comparator.comparing((GroupActivity.Task task) -> !task.overdue())
                        .thenComparing(GroupActivity.Task::when,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** The group for one of its organisers, to show an organiser's form; forbidden to other members. */
    public GroupView getAsOrganiser(UUID accountId, UUID groupId) {
        GroupView group = get(accountId, groupId);
        if (!group.organiser()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        return group;
    }

    public GroupView get(UUID accountId, UUID groupId) {
        Role role = access.requireMember(groupId, accountId);
        return jdbc.sql("select " + GROUP_COLUMNS + " from groups_group g where g.id = ?")
                .param(groupId)
                .query((rs, row) -> new GroupView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("employer"), Sector.valueOf(rs.getString("sector")), rs.getString("professions"),
                        rs.getString("area"), rs.getString("description"), rs.getBoolean("listed"),
                        rs.getString("neutral_name"), rs.getBoolean("members_can_invite"), role))
                .single();
    }

    /** The name of a group for a page that is not the group's own (an invitation, a network). */
    public String nameOf(UUID groupId) {
        return jdbc.sql("select name from groups_group where id = ?").param(groupId).query(String.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }

    public List<Membership> memberships(UUID accountId) {
        return jdbc.sql("""
                select g.id as group_id, g.name, g.neutral_name, m.role from groups_membership m
                join groups_group g on g.id = m.group_id where m.account_id = ? order by g.name""")
                .param(accountId)
                .query((rs, row) -> new Membership(rs.getObject("group_id", UUID.class), rs.getString("name"),
                        rs.getString("neutral_name"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    /** Organisers only: members see how many they are, never who. */
    public List<Member> members(UUID accountId, UUID groupId) {
        access.requireOrganiser(groupId, accountId);
        record Row(UUID accountId, String role, LocalDate joinedOn) {
        }
        List<Row> rows = jdbc.sql("select account_id, role, joined_on from groups_membership where group_id = ?")
                .param(groupId).query(Row.class).list();
        var views = accounts.views(rows.stream().map(Row::accountId).toList());
        return rows.stream()
                .filter(row -> views.containsKey(row.accountId()))
                .map(row -> new Member(row.accountId(),
                        Objects.requireNonNull(views.get(row.accountId())).displayName(),
                        Role.valueOf(row.role()), row.joinedOn()))
                .sorted(java.util.Comparator.comparing(Member::role).reversed()
                        .thenComparing(Member::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * A group's organisers, for the server's own use (content-free notifications); never shown to anyone
     * without an organiser's rights.
     */
    public List<UUID> organiserIds(UUID groupId) {
        return jdbc.sql("select account_id from groups_membership where group_id = ? and role = 'ORGANISER'")
                .param(groupId).query(UUID.class).list();
    }

    /** Everyone in a group, for the server's own use (content-free notifications); never shown to anyone. */
    public List<UUID> memberIds(UUID groupId) {
        return jdbc.sql("select account_id from groups_membership where group_id = ?").param(groupId)
                .query(UUID.class).list();
    }

    public long memberCount(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return jdbc.sql("select count(*) from groups_membership where group_id = ?").param(groupId)
                .query(Long.class).single();
    }

    @Transactional
    public void changeRole(UUID organiserId, UUID groupId, UUID memberId, Role role) {
        access.requireOrganiser(groupId, organiserId);
        if (access.roleOf(groupId, memberId).isEmpty()) {
            throw new DomainException.NotFound();
        }
        if (role == Role.MEMBER) {
            requireAnotherOrganiser(groupId, memberId);
        }
        jdbc.sql("update groups_membership set role = ? where group_id = ? and account_id = ?")
                .params(role.name(), groupId, memberId).update();
        events.publishEvent(new RoleChanged(groupId, organiserId, memberId, role));
    }

    /** An organiser removes a member, or a member leaves (actor = member). */
    @Transactional
    public void removeMember(UUID actorId, UUID groupId, UUID memberId) {
        if (!actorId.equals(memberId)) {
            access.requireOrganiser(groupId, actorId);
        }
        Role role = access.roleOf(groupId, memberId).orElseThrow(DomainException.NotFound::new);
        if (role == Role.ORGANISER) {
            requireAnotherOrganiser(groupId, memberId);
        }
        jdbc.sql("delete from groups_membership where group_id = ? and account_id = ?").params(groupId, memberId)
                .update();
        events.publishEvent(new MemberRemoved(groupId, actorId, memberId));
    }

    private void requireAnotherOrganiser(UUID groupId, UUID memberId) {
        long others = jdbc.sql("""
                select count(*) from groups_membership
                where group_id = ? and role = 'ORGANISER' and account_id <> ?""")
                .params(groupId, memberId).query(Long.class).single();
        if (others == 0) {
            throw new DomainException.Conflict("group.lastOrganiser");
        }
    }

    /** Adds a membership if there is none; used by invitations. */
    void addMember(UUID groupId, UUID accountId, Role role) {
        int added = jdbc.sql("""
                insert into groups_membership (group_id, account_id, role, joined_on) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(groupId, accountId, role.name(), Times.today(clock))
                .update();
        if (added > 0) {
            events.publishEvent(new GroupEvents.MemberJoined(groupId, accountId));
        }
    }

    @EventListener
    void onAccountDeleted(AccountDeleted event) {
        jdbc.sql("delete from groups_membership where account_id = ?").param(event.accountId()).update();
        jdbc.sql("delete from groups_network_coordinator where account_id = ?").param(event.accountId()).update();
        jdbc.sql("delete from groups_network_offer where account_id = ?").param(event.accountId()).update();
        jdbc.sql("update groups_invitation set created_by = null where created_by = ?").param(event.accountId())
                .update();
    }

    AccountView account(UUID accountId) {
        return accounts.get(accountId);
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
