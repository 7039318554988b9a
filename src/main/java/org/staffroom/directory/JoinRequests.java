package org.staffroom.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Invitations.CreatedInvitation;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * Someone asks to join a listed group. The request holds a name, a way to reach them and a message, and
 * is deleted as soon as an organiser approves (an invitation is sent) or declines it.
 */
@Service
public class JoinRequests {

    public static final int MAX_NAME = 80;
    public static final int MAX_CONTACT = 254;
    public static final int MAX_MESSAGE = 1000;
    static final int MAX_PENDING_PER_GROUP = 200;

    public record JoinRequest(UUID id, UUID groupId, String name, String contact, String message, LocalDate receivedOn,
            LocalDate approvedOn) {

        public boolean contactIsEmail() {
            return isEmail(contact);
        }

        /** Approved, and waiting for the organiser to pass the invitation link on. */
        public boolean approved() {
            return approvedOn != null;
        }
    }

    private static boolean isEmail(String contact) {
        return contact.matches("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    }

    /** A telephone number as people write one: 7 to 15 digits, with spaces, dots, dashes, brackets or a leading +. */
    private static boolean isPhone(String contact) {
        String digits = contact.replaceAll("[\\s().-]", "");
        return digits.matches("\\+?[0-9]{7,15}");
    }

    /** The outcome of an approval: the invitation link, for the organiser to pass on if it was not e-mailed. */
    public record Approval(CreatedInvitation invitation, boolean emailed, JoinRequest request) {
    }

    public record JoinRequestReceived(UUID groupId) {
    }

    public record JoinRequestHandled(UUID groupId, UUID organiserId, boolean approved) {
    }

    /** Join requests hold outsiders' names and contacts: every look at them is audited. */
    public record JoinRequestsViewed(UUID groupId, UUID organiserId) {
    }

    /** Carries only the address and the link; the mail feature sends it. */
    public record ApprovalEmailRequested(UUID groupId, String email, String path) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final GroupAccess access;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Accounts accounts;

    JoinRequests(JdbcClient jdbc, Directory directory, GroupAccess access, Invitations invitations,
            ApplicationEventPublisher events, Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID submit(UUID groupId, String name, String contact, String message) {
        directory.listing(groupId);
        String validName = TextInput.line("name", name, MAX_NAME, true);
        String validContact = TextInput.line("contact", contact, MAX_CONTACT, true);
        if (!isEmail(validContact) && !isPhone(validContact)) {
            // otherwise an organiser who approves it has no way to reach the person
            throw new DomainException.InvalidInput("contact", "joinRequest.contact.invalid");
        }
        String validMessage = TextInput.multiline("message", message, MAX_MESSAGE, false);
        long pending = jdbc.sql("select count(*) from directory_join_request where group_id = ?").param(groupId)
                .query(Long.class).single();
        if (pending >= MAX_PENDING_PER_GROUP) {
            throw new DomainException.TooManyRequests();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into directory_join_request (id, group_id, name, contact, message, received_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, groupId, validName, validContact, validMessage, Times.today(clock)).update();
        events.publishEvent(new JoinRequestReceived(groupId));
        return id;
    }

    @Transactional
    public List<JoinRequest> pending(UUID organiserId, UUID groupId) {
        access.requireOrganiser(groupId, organiserId);
        events.publishEvent(new JoinRequestsViewed(groupId, organiserId));
        return jdbc.sql("""
                select id, group_id, name, contact, message, received_on, approved_on from directory_join_request
                where group_id = ? order by approved_on nulls first, received_on, id""")
                .param(groupId).query(JoinRequest.class).list();
    }

    /**
     * Issues a single-use invitation. When the contact is an e-mail address it is e-mailed and the request deleted;
     * otherwise the request stays, marked approved, so that the page still says to whom the organiser is to pass the
     * link on, until they say it is sent ({@link #sent}). Approving it again replaces a lost link with a new one.
     */
    @Transactional
    public Approval approve(UUID organiserId, UUID groupId, UUID requestId) {
        JoinRequest request = find(organiserId, groupId, requestId);
        revokeEarlierLink(organiserId, groupId, requestId);
        CreatedInvitation invitation = invitations.createForApprovedRequest(organiserId, groupId,
                request.contactIsEmail() ? java.util.Optional.of(request.contact()) : java.util.Optional.empty());
        if (request.contactIsEmail()) {
            delete(requestId);
            events.publishEvent(new ApprovalEmailRequested(groupId, request.contact(),
                    "/invitations/" + invitation.code()));
        } else {
            jdbc.sql("update directory_join_request set approved_on = ?, invitation_id = ? where id = ?")
                    .params(Times.today(clock), invitation.id(), requestId).update();
        }
        if (!request.approved()) {
            events.publishEvent(new JoinRequestHandled(groupId, organiserId, true));
        }
        return new Approval(invitation, request.contactIsEmail(), request);
    }

    /** The organiser has passed an approved request's link on: the request, and the contact, go. */
    @Transactional
    public void sent(UUID organiserId, UUID groupId, UUID requestId) {
        JoinRequest request = find(organiserId, groupId, requestId);
        if (!request.approved()) {
            throw new DomainException.NotFound();
        }
        delete(requestId);
    }

    /** Declines a waiting request, or takes back an approved one whose link was not yet used. */
    @Transactional
    public void decline(UUID organiserId, UUID groupId, UUID requestId) {
        JoinRequest request = find(organiserId, groupId, requestId);
        revokeEarlierLink(organiserId, groupId, requestId);
        delete(requestId);
        if (!request.approved()) {
            events.publishEvent(new JoinRequestHandled(groupId, organiserId, false));
        }
    }

    private void revokeEarlierLink(UUID organiserId, UUID groupId, UUID requestId) {
        jdbc.sql("select invitation_id from directory_join_request where id = ? and invitation_id is not null")
                .param(requestId).query(UUID.class).optional()
                .ifPresent(invitation -> invitations.revokeIfPresent(organiserId, groupId, invitation));
    }

    /**
     * A request waiting with the address of an account being deleted goes with it: it names the person, and
     * nothing of theirs stays behind. (A request is not tied to an account, so one left under another
     * contact, such as a phone number, cannot be found and stays until it is handled.)
     */
    @org.springframework.context.event.EventListener
    void on(AccountDeleted deleted) {
        accounts.find(deleted.accountId()).ifPresent(account -> jdbc.sql(
                "delete from directory_join_request where lower(contact) = ?")
                .param(account.email().toLowerCase(java.util.Locale.ROOT)).update());
    }

    private JoinRequest find(UUID organiserId, UUID groupId, UUID requestId) {
        access.requireOrganiser(groupId, organiserId);
        return jdbc.sql("""
                select id, group_id, name, contact, message, received_on, approved_on from directory_join_request
                where id = ? and group_id = ?""")
                .params(requestId, groupId).query(JoinRequest.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }

    private void delete(UUID requestId) {
        jdbc.sql("delete from directory_join_request where id = ?").param(requestId).update();
    }
}
