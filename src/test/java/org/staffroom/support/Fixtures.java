package org.staffroom.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Invitations;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.Accounts;

/**
 * Builds people and groups for tests through the real use cases. Accounts share one precomputed password
 * hash so that tests do not spend their time in Argon2.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "a long and unusual test passphrase";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public record Person(UUID id, String email, String displayName, String token) {
    }

    private final Accounts accounts;
    private final Groups groups;
    private final Invitations invitations;
    private final AccessTokens tokens;
    private final org.staffroom.groups.Networks networks;
    private final org.staffroom.meetings.Meetings meetings;
    private final org.staffroom.decisions.Proposals proposals;
    private final org.staffroom.demands.Demands demands;
    private final String hash;
    private final org.staffroom.shared.Mixing mixing;

    Fixtures(org.staffroom.shared.Mixing mixing, Accounts accounts, Groups groups, Invitations invitations,
            AccessTokens tokens, PasswordEncoder encoder,
            org.staffroom.groups.Networks networks, org.staffroom.meetings.Meetings meetings,
            org.staffroom.decisions.Proposals proposals, org.staffroom.demands.Demands demands) {
        this.networks = networks;
        this.meetings = meetings;
        this.proposals = proposals;
        this.demands = demands;
        this.accounts = accounts;
        this.groups = groups;
        this.invitations = invitations;
        this.tokens = tokens;
        this.hash = encoder.encode(PASSWORD);
        this.mixing = mixing;
    }

    /** The mixing job's run within a release period (off in tests): batches big enough are released. */
    public void mix() {
        mixing.run(false);
    }

    /** The mixing job's run at the end of a release period: everything that waits is released. */
    public void release() {
        mixing.releaseAll();
    }

    public Person person(String role) {
        return create(role, false);
    }

    public Person administrator() {
        return create("admin", true);
    }

    private Person create(String role, boolean administrator) {
        int n = COUNTER.incrementAndGet();
        String email = role + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String name = Character.toUpperCase(role.charAt(0)) + role.substring(1) + " " + n;
        UUID id = accounts.registerWithHash(email, name, hash, administrator);
        return new Person(id, email, name, tokens.createPersonal(id, "tests").token());
    }

    /** A listed group with its organiser. */
    public UUID group(Person organiser, String name) {
        return groups.create(organiser.id(), new GroupDetails(name, "Test Trust", "NHS_TRUST", "Nurses", "BS1",
                "A group for tests", true, "", false));
    }

    public UUID hiddenGroup(Person organiser, String name) {
        return groups.create(organiser.id(), new GroupDetails(name, "Test Trust", "NHS_TRUST", "Nurses", "BS1",
                "A hidden group for tests", false, "", false));
    }

    /** A network, made by a new administrator, with this coordinator. */
    public UUID network(Person coordinator, String name) {
        Person admin = administrator();
        UUID id = networks.create(admin.id(), name + " " + UUID.randomUUID().toString().substring(0, 6), "");
        networks.addCoordinator(admin.id(), id, coordinator.email());
        return id;
    }

    /** A one-use invitation to the group, for a person who already has an account. */
    public String invitationCode(Person organiser, UUID groupId) {
        return invitations.create(organiser.id(), groupId, 1, 1).code();
    }

    public Person member(UUID groupId, Person organiser) {
        Person person = person("member");
        invitations.accept(invitations.create(organiser.id(), groupId, 1, 1).code(), person.id());
        return person;
    }

    /** A meeting in three days' time, with one agenda item. */
    public UUID meeting(Person organiser, UUID groupId, String title) {
        return meetings.schedule(organiser.id(), groupId, new org.staffroom.meetings.Meetings.Draft(title,
                java.time.LocalDate.now().plusDays(3).toString(), "18:00", "19:00", "", "", null, null, "Item",
                java.util.List.of()));
    }

    /** An open yes-or-no vote, closing in two days. */
    public UUID proposal(Person organiser, UUID groupId, String title) {
        return proposals.propose(organiser.id(), groupId,
                new org.staffroom.decisions.Proposals.Draft(title, "", "YES_NO",
                        "SIMPLE", null, 0, false, true,
                        java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(),
                        java.util.List.of(), null));
    }

    /** A demand, still a draft. */
    public UUID demand(Person organiser, UUID groupId, String title) {
        return demands.draft(organiser.id(), groupId,
                new org.staffroom.demands.Demands.Draft(title, "Reasons", "The manager",
                        null, null));
    }
}
