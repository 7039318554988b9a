package org.staffroom.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import org.staffroom.shared.ServerKeys;
import org.staffroom.shared.SharedThrottle;
import org.staffroom.shared.SharedThrottles;
import org.staffroom.shared.Throttle;
import org.staffroom.shared.Times;

/**
 * Invitation links: the only way into a group (a join request, once approved, becomes one). A link has an
 * expiry and a maximum number of uses and can be revoked; only a hash of its code is kept.
 */
@Service
public class Invitations {

    public static final int MAX_DAYS = 90;
    public static final int MAX_USES = 500;

    public record CreatedInvitation(UUID id, String code, String url, Instant expiresAt) {
    }

    public record InvitationSummary(UUID id, LocalDate createdOn, OffsetDateTime expiresAt, int maxUses, int uses,
            boolean revoked) {

        public boolean usable(Instant now) {
            return !revoked && uses < maxUses && expiresAt.toInstant().isAfter(now);
        }
    }

    /**
     * What someone holding a code may learn: the group's name, whether the link still works, and whether it is
     * personal (sent to one address by e-mail) or open (shared, so a newcomer asks for a personal link first).
     */
    public record InvitationPreview(UUID groupId, String groupName, boolean personal) {
    }

    /** Personal links one client may ask for an hour, whatever the address, and one address may be sent. */
    static final int PERSONAL_LINKS_PER_CLIENT = 10;
    static final int PERSONAL_LINKS_PER_ADDRESS = 3;
    static final Duration PERSONAL_LINK_LIFETIME = Duration.ofDays(2);

    /**
     * An invitation that still works. A personal one holds its address sealed ({@code invitedEmail}), or, if
     * made before addresses were sealed, as a SHA-256 ({@code emailHash}).
     */
    private record Usable(UUID id, UUID groupId, String emailHash, String invitedEmail, OffsetDateTime expiresAt) {

        boolean personal() {
            return emailHash != null || invitedEmail != null;
        }
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;
    private final Accounts accounts;
    private final InstanceSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Throttle personalLinksPerClient = new Throttle(PERSONAL_LINKS_PER_CLIENT, Duration.ofHours(1));
    private final SharedThrottle personalLinksPerAddress;
    private final ServerKeys keys;

    Invitations(JdbcClient jdbc, GroupAccess access, Groups groups, Accounts accounts, InstanceSettings settings,
            ApplicationEventPublisher events, Clock clock, SharedThrottles throttles, ServerKeys keys) {
        this.keys = keys;
        this.personalLinksPerAddress = throttles.of("personal-invitation", PERSONAL_LINKS_PER_ADDRESS,
                Duration.ofHours(1));
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
        return issue(accountId, groupId, clock.instant().plus(Duration.ofDays(validDays)), maxUses, null, null);
    }

    /**
     * An approved join request: a single-use link for a week, issued on the organiser's behalf; bound to the
     * requester's address when they gave one, as it is e-mailed there.
     */
    @Transactional
    public CreatedInvitation createForApprovedRequest(UUID organiserId, UUID groupId, Optional<String> email) {
        access.requireOrganiser(groupId, organiserId);
        return issue(organiserId, groupId, clock.instant().plus(Duration.ofDays(7)), 1, email.orElse(null), null);
    }

    /**
     * Creates a single-use invitation that works only for {@code email}, and asks for it to be e-mailed there;
     * the e-mail carries only the link.
     */
    @Transactional
    public CreatedInvitation createAndEmail(UUID accountId, UUID groupId, String email, int validDays) {
        String address = validAddress(email);
        Role role = access.requireMember(groupId, accountId);
        if (role != Role.ORGANISER && !groups.get(accountId, groupId).membersCanInvite()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new InvalidInput("validDays", "invitation.validDays", 1, MAX_DAYS);
        }
        CreatedInvitation invitation = issue(accountId, groupId, clock.instant().plus(Duration.ofDays(validDays)), 1,
                address, null);
        events.publishEvent(new InvitationEmailRequested(groupId, address, "/invitations/" + invitation.code()));
        return invitation;
    }

    /**
     * A newcomer on an open link gives their address and is e-mailed a personal link, valid for two days
     * (never past the open link) and counted against the open link's uses when used. The answer is the same
     * whether or not the address has an account, whether it was throttled, and whether the link was open:
     * whoever holds a shared link cannot learn from it who has an account.
     */
    @Transactional
    public void sendPersonalLink(String code, String email, String clientKey) {
        String address = validAddress(email);
        Usable open = usable(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        if (open.personal() || !personalLinksPerClient.tryAcquire(clientKey)
                || personalLinksPerAddress.exhausted(addressHash(address))) {
            return;
        }
        personalLinksPerAddress.count(addressHash(address));
        Instant expiresAt = clock.instant().plus(PERSONAL_LINK_LIFETIME);
        if (open.expiresAt().toInstant().isBefore(expiresAt)) {
            expiresAt = open.expiresAt().toInstant();
        }
        CreatedInvitation personal = issue(null, open.groupId(), expiresAt, 1, address, open.id());
        events.publishEvent(new InvitationEmailRequested(open.groupId(), address, "/invitations/" + personal.code()));
    }

    static String validAddress(String email) {
        String address = email == null ? "" : email.strip();
        if (!address.matches("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
            throw new InvalidInput("email", "email.invalid");
        }
        return address;
    }

    /** Addresses compare as accounts compare them: without surrounding space, in lower case. */
    private static String addressHash(String email) {
        return SecretTokens.hash(email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the personal invitation is for this address: compared as accounts compare them. */
    private boolean isFor(Usable invitation, String email) {
        if (email == null) {
            return false;
        }
        if (invitation.invitedEmail() != null) {
            return keys.open(invitation.invitedEmail(), addressContext(invitation.id()))
                    .map(invited -> invited.strip().equalsIgnoreCase(email.strip())).orElse(false);
        }
        return addressHash(email).equals(invitation.emailHash());
    }

    private static String addressContext(UUID invitationId) {
        return "groups_invitation.invited_email:" + invitationId;
    }

    /** {@code address}: the only address a personal invitation works for, sealed; null for a shared link. */
    private CreatedInvitation issue(@Nullable UUID accountId, UUID groupId, Instant expiresAt, int maxUses,
            @Nullable String address, @Nullable UUID parentId) {
        String code = SecretTokens.newToken(18);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into groups_invitation (id, group_id, code_hash, created_by, created_on, expires_at, max_uses,
                    invited_email, parent_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, groupId, SecretTokens.hash(code), accountId, Times.today(clock),
                        Times.utc(expiresAt), maxUses, address == null ? null : keys.seal(address, addressContext(id)),
                        parentId)
                .update();
        if (parentId == null) {
            events.publishEvent(new InvitationCreated(groupId, accountId));
        }
        return new CreatedInvitation(id, code, settings.link("/invitations/" + code), expiresAt);
    }

    public List<InvitationSummary> list(UUID accountId, UUID groupId) {
        access.requireOrganiser(groupId, accountId);
        return jdbc.sql("""
                select id, created_on, expires_at, max_uses, uses, revoked from groups_invitation
                where group_id = ? and parent_id is null order by created_on desc, expires_at desc""")
                .param(groupId).query(InvitationSummary.class).list();
    }

    /** Revokes a link the organiser was given for an approved join request, if it is still there. */
    @Transactional
    public void revokeIfPresent(UUID accountId, UUID groupId, UUID invitationId) {
        access.requireOrganiser(groupId, accountId);
        revoked(accountId, groupId, invitationId);
    }

    /** Withdraws the group's link if it is there; whether it was. */
    private boolean revoked(UUID accountId, UUID groupId, UUID invitationId) {
        boolean changed = jdbc.sql("""
                update groups_invitation set revoked = true where id = ? and group_id = ? and parent_id is null""")
                .params(invitationId, groupId).update() > 0;
        if (changed) {
            events.publishEvent(new InvitationRevoked(groupId, accountId));
        }
        return changed;
    }

    @Transactional
    public void revoke(UUID accountId, UUID groupId, UUID invitationId) {
        access.requireOrganiser(groupId, accountId);
        if (!revoked(accountId, groupId, invitationId)) {
            throw new DomainException.NotFound();
        }
    }

    /** @throws DomainException.Gone when the link is unknown, expired, used up or revoked */
    public InvitationPreview preview(String code) {
        Usable invitation = usable(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        return new InvitationPreview(invitation.groupId(), groups.nameOf(invitation.groupId()),
                invitation.personal());
    }

    /**
     * An existing account joins; joining a group one is already in uses nothing up. A personal link works only
     * for the account with its address.
     */
    @Transactional
    public UUID accept(String code, UUID accountId) {
        Usable invitation = usable(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        if (invitation.personal() && !accounts.find(accountId)
                .map(account -> isFor(invitation, account.email())).orElse(false)) {
            throw new DomainException.Forbidden("invitation.otherAddress");
        }
        if (access.roleOf(invitation.groupId(), accountId).isPresent()) {
            return invitation.groupId();
        }
        use(invitation);
        groups.addMember(invitation.groupId(), accountId, Role.MEMBER);
        return invitation.groupId();
    }

    /**
     * A newcomer creates an account and joins in one step, on a personal link only and with its address: the
     * link came to that mailbox, so telling its holder that the address already has an account tells them
     * nothing they could not learn by signing in.
     */
    @Transactional
    public UUID acceptWithNewAccount(String code, NewAccount account) {
        Usable invitation = usable(code).orElseThrow(() -> new DomainException.Gone("invitation.unusable"));
        if (!invitation.personal()) {
            throw new DomainException.Conflict("invitation.personalLinkFirst");
        }
        if (!isFor(invitation, account.email())) {
            throw new InvalidInput("email", "invitation.otherAddress");
        }
        UUID accountId = accounts.register(account);
        use(invitation);
        groups.addMember(invitation.groupId(), accountId, Role.MEMBER);
        return accountId;
    }

    /**
     * Counts one use, atomically, so that concurrent acceptances cannot exceed the maximum; a personal link
     * from an open one counts against the open one too. A used-up personal link forgets its address.
     */
    private void use(Usable invitation) {
        OffsetDateTime now = Times.now(clock);
        int used = jdbc.sql("""
                update groups_invitation set uses = uses + 1,
                    email_hash = case when uses + 1 >= max_uses then null else email_hash end,
                    invited_email = case when uses + 1 >= max_uses then null else invited_email end
                where id = ? and revoked = false and uses < max_uses and expires_at > ?""")
                .params(invitation.id(), now).update();
        UUID parent = jdbc.sql("select parent_id from groups_invitation where id = ?").param(invitation.id())
                .query((rs, row) -> rs.getObject(1, UUID.class)).optional().orElse(null);
        if (used == 1 && parent != null) {
            used = jdbc.sql("""
                    update groups_invitation set uses = uses + 1
                    where id = ? and revoked = false and uses < max_uses and expires_at > ?""")
                    .params(parent, now).update();
        }
        if (used == 0) {
            throw new DomainException.Gone("invitation.unusable");
        }
    }

    /** The invitation, if its code is right and it (and the open link it came from) still works. */
    private Optional<Usable> usable(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.id, i.group_id, i.email_hash, i.invited_email, i.expires_at from groups_invitation i
                left join groups_invitation p on p.id = i.parent_id
                where i.code_hash = ? and i.revoked = false and i.uses < i.max_uses and i.expires_at > ?
                  and (p.id is null or (p.revoked = false and p.uses < p.max_uses and p.expires_at > ?))""")
                .params(SecretTokens.hash(code), Times.now(clock), Times.now(clock)).query(Usable.class).optional();
    }
}
