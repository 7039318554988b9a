package org.staffroom.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupEvents.InvitationCreated;
import org.staffroom.groups.GroupEvents.InvitationEmailRequested;
import org.staffroom.groups.GroupEvents.InvitationRevoked;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.NewAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Invitation links: the only way into a group (a join request, once approved, becomes one). A link has an
 * expiry and a maximum number of uses and can be revoked; only a hash of its code is kept.
 */
@Service
public class Invitations {

    public static final int MAX_DAYS = 90;
    public static final int MAX_USES = 500;

    public record CreatedInvitation(String code, String url, Instant expiresAt) {
    }

    public record InvitationSummary(UUID id, LocalDate createdOn, OffsetDateTime expiresAt, int maxUses, int uses,
            boolean revoked) {
        public boolean usable(Instant now) {
            return !revoked && uses < maxUses && expiresAt.toInstant().isAfter(now);
        }
    }

    /** What someone holding a code may learn: the group's name, and whether the link still works. */
    public record InvitationPreview(UUID groupId, String groupName) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;
    private final Accounts accounts;
    private final InstanceSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invitations(JdbcClient jdbc, GroupAccess access, Groups groups, Accounts accounts, InstanceSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.groups = groups;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Organisers, and members where the group lets members invite. */
    @Transactional
    public CreatedInvitation create(UUID accountId, UUID groupId, int validDays, int maxUses) {
        Role role = access.requireMember(groupId, accountId);
        if (role != Role.ORGANISER && !groups.get(accountId, groupId).membersCanInvite()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new InvalidInput("validDays", "invitation.validDays", 1, MAX_DAYS);
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw new InvalidInput("maxUses", "invitation.maxUses", 1, MAX_USES);
        }
        return issue(accountId, groupId, validDays, maxUses);
    }

    /** An approved join request: a single-use link for a week, issued on the organiser's behalf. */
    @Transactional
    public CreatedInvitation createForApprovedRequest(UUID organiserId, UUID groupId) {
        access.requireOrganiser(groupId, organiserId);
        return issue(organiserId, groupId, 7, 1);
    }

    /** Creates a single-use invitation and asks for it to be e-mailed; the e-mail carries only the link. */
    @Transactional
    public CreatedInvitation createAndEmail(UUID accountId, UUID groupId, String email, int validDays) {
        String address = email == null ? "" : email.strip();
        if (!address.matches("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
            throw new InvalidInput("email", "email.invalid");
        }
        CreatedInvitation invitation = create(accountId, groupId, validDays, 1);
        events.publishEvent(new InvitationEmailRequested(groupId, address, "/invitations/" + invitation.code()));
        return invitation;
    }

    private CreatedInvitation issue(UUID accountId, UUID groupId, int validDays, int maxUses) {
        String code = SecretTokens.newToken(18);
        Instant expiresAt = clock.instant().plus(Duration.ofDays(validDays));
        jdbc.sql("""
                insert into groups_invitation (id, group_id, code_hash, created_by, created_on, expires_at, max_uses)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), groupId, SecretTokens.hash(code), accountId, Times.today(clock),
                        Times.utc(expiresAt), maxUses)
                .update();
        events.publishEvent(new InvitationCreated(groupId, accountId));
        return new CreatedInvitation(code, settings.link("/invitations/" + code), expiresAt);
    }

    public List<InvitationSummary> list(UUID accountId, UUID groupId) {
        access.requireOrganiser(groupId, accountId);
        return jdbc.sql("""
                select id, created_on, expires_at, max_uses, uses, revoked from groups_invitation
                where group_id = ? order by created_on desc, expires_at desc""")
                .param(groupId).query(InvitationSummary.class).list();
    }

    @Transactional
    public void revoke(UUID accountId, UUID groupId, UUID invitationId) {
        access.requireOrganiser(groupId, accountId);
        int changed = jdbc.sql("update groups_invitation set revoked = true where id = ? and group_id = ?")
                .params(invitationId, groupId).update();
        if (changed == 0) {
            throw new DomainException.NotFound();
        }
        events.publishEvent(new InvitationRevoked(groupId, accountId));
    }

    /** @throws DomainException.Gone when the link is unknown, expired, used up or revoked */
    public InvitationPreview preview(String code) {
        UUID groupId = usableGroup(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        return new InvitationPreview(groupId, groups.nameOf(groupId));
    }

    /** An existing account joins; joining a group one is already in uses nothing up. */
    @Transactional
    public UUID accept(String code, UUID accountId) {
        UUID groupId = usableGroup(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        if (access.roleOf(groupId, accountId).isPresent()) {
            return groupId;
        }
        use(code);
        groups.addMember(groupId, accountId, Role.MEMBER);
        return groupId;
    }

    /** A newcomer creates an account and joins in one step. */
    @Transactional
    public UUID acceptWithNewAccount(String code, NewAccount account) {
        UUID groupId = usableGroup(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        UUID accountId = accounts.register(account);
        use(code);
        groups.addMember(groupId, accountId, Role.MEMBER);
        return accountId;
    }

    /** Counts one use, atomically, so that concurrent acceptances cannot exceed the maximum. */
    private void use(String code) {
        int used = jdbc.sql("""
                update groups_invitation set uses = uses + 1
                where code_hash = ? and revoked = false and uses < max_uses and expires_at > ?""")
                .params(SecretTokens.hash(code), Times.now(clock)).update();
        if (used == 0) {
            throw new DomainException.Gone("invitation.unusable");
        }
    }

    private Optional<UUID> usableGroup(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select group_id from groups_invitation
                where code_hash = ? and revoked = false and uses < max_uses and expires_at > ?""")
                .params(SecretTokens.hash(code), Times.now(clock)).query(UUID.class).optional();
    }
}
