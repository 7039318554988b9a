package org.staffroom.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.ConcernConversation;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.Concerns;
import org.staffroom.concerns.Grievances;
import org.staffroom.decisions.Proposals;
import org.staffroom.demands.Demands;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Networks;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.meetings.MeetingAttendance;
import org.staffroom.meetings.MeetingRecords;
import org.staffroom.meetings.Meetings;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.Mixing;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.SurveyQuestions;
import org.staffroom.surveys.Surveys;

/**
 * Fills an empty instance with the demo described in the README. Runs only with {@code staffroom.demo=true}
 * and only when there are no accounts yet, so restarting the demo keeps what was done in it.
 */
@Component
@ConditionalOnBooleanProperty("staffroom.demo")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-pass-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Accounts accounts;
    private final Groups groups;
    private final Invitations invitations;
    private final Networks networks;
    private final PasswordEncoder encoder;
    private final DemoConcerns demoConcerns;
    private final DemoMeetings demoMeetings;
    private final DemoDemands demoDemands;
    private final DemoSurveys demoSurveys;
    private final InstanceSettings settings;
    private final Mixing mixing;

    DemoData(Accounts accounts, Groups groups, Invitations invitations, Networks networks, PasswordEncoder encoder,
            Concerns concerns, ConcernRaising raising, ConcernConversation conversation, Grievances grievances,
            AnonymousTags tags, Meetings meetings, MeetingRecords records, MeetingAttendance attendance,
            Proposals proposals, Demands demands, Surveys surveys, SurveyQuestions questions, Responses responses,
            InstanceSettings settings, Mixing mixing) {
        this.settings = settings;
        this.mixing = mixing;
        this.demoConcerns = new DemoConcerns(concerns, raising, conversation, grievances, tags, PASSWORD,
                mixing::releaseAll);
        this.demoMeetings = new DemoMeetings(meetings, attendance, records, proposals, tags, PASSWORD);
        this.demoDemands = new DemoDemands(demands, proposals, tags, PASSWORD);
        this.demoSurveys = new DemoSurveys(surveys, questions, responses, tags, PASSWORD);
        this.accounts = accounts;
        this.groups = groups;
        this.invitations = invitations;
        this.networks = networks;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.setupNeeded()) {
            LOG.info("Demo data: the instance already has accounts; leaving it as it is.");
            return;
        }
        // one hash for every demo account: the password is published, and 25 Argon2 hashes would slow the start
        String hash = encoder.encode(PASSWORD);
        UUID admin = accounts.registerWithHash("admin@example.org", "Alex Admin", hash, true);
        UUID coordinator = accounts.registerWithHash("coordinator@example.org", "Cleo Coordinator", hash, false);
        UUID organiser = accounts.registerWithHash("organiser@example.org", "Olu Organiser", hash, false);
        UUID organiser2 = accounts.registerWithHash("organiser2@example.org", "Priya Organiser", hash, false);

        UUID mentalHealth = groups.create(organiser, new GroupDetails("North Community Mental Health Team",
                "Severnside Mental Health NHS Trust", "NHS_TRUST",
                "Mental health nurses, psychological well-being practitioners, social workers, admin staff", "BS34",
                "Peer support for everyone in the team: supervision, training, caseloads, and what the tender "
                        + "means for our jobs.",
                true, "Peer support group", false));
        UUID homeCare = groups.create(organiser2, new GroupDetails("Riverside Home Care",
                "Riverside Care Ltd", "PRIVATE_CARE_PROVIDER", "Home care workers, care coordinators", "BS5",
                "Home care workers in east Bristol: paid travel time, fair rotas, and the living wage.",
                true, "", true));

        List<UUID> mentalHealthMembers = members(1, 14, hash);
        List<UUID> homeCareMembers = members(15, 22, hash);
        // more members who answer the network survey (60 in all), so that its figures pass the threshold
        List<UUID> mentalHealthRespondents = new ArrayList<>(mentalHealthMembers);
        mentalHealthRespondents.addAll(members(23, 43, hash));
        List<UUID> homeCareRespondents = new ArrayList<>(homeCareMembers);
        homeCareRespondents.addAll(members(44, 60, hash));
        join(mentalHealth, organiser, mentalHealthRespondents);
        join(homeCare, organiser2, homeCareRespondents);

        UUID network = networks.create(admin, "Bristol Care Workers Network",
                "Care and health workers across Bristol organising in their workplaces and supporting each other.");
        networks.addCoordinator(admin, network, "coordinator@example.org");
        networks.join(organiser, mentalHealth, network);
        networks.join(organiser2, homeCare, network);
        LOG.info("Demo data: created 2 groups, 1 network and {} accounts.", 4 + 60);
        Map<Integer, UUID> byNumber = new HashMap<>();
        for (int n = 1; n <= 22; n++) {
            byNumber.put(n, n <= 14 ? mentalHealthMembers.get(n - 1) : homeCareMembers.get(n - 15));
        }
        keepReceipt(demoConcerns.create(mentalHealth, organiser, homeCare, byNumber));
        demoDemands.create(mentalHealth, organiser, byNumber);
        demoMeetings.create(mentalHealth, organiser, byNumber);
        demoSurveys.create(network, coordinator, mentalHealth, organiser, mentalHealthRespondents, homeCare,
                homeCareRespondents);
        // what the demo's members did anonymously is released at once, as the mixing job would within the hour
        mixing.releaseAll();
    }

    /**
     * A receipt is a secret, never logged: the demo's one, to try at /receipt, goes in a file of the data
     * directory, and the log says where.
     */
    private void keepReceipt(@Nullable String receipt) {
        Path file = Path.of(settings.dataDir(), "demo-receipt.txt");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, receipt + System.lineSeparator());
            LOG.info("Demo data: the receipt of the anonymous concern about admin staff, to try at /receipt, is in {}",
                    file.toAbsolutePath());
        } catch (IOException e) {
            LOG.warn("Demo data: could not write the demo receipt to {}", file.toAbsolutePath());
        }
    }

    private List<UUID> members(int from, int to, String hash) {
        List<UUID> ids = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add(accounts.registerWithHash("member" + n + "@example.org", DemoNames.name(n), hash, false));
        }
        return ids;
    }

    private void join(UUID groupId, UUID organiser, List<UUID> members) {
        String code = invitations.create(organiser, groupId, 1, members.size()).code();
        members.forEach(member -> invitations.accept(code, member));
    }
}
