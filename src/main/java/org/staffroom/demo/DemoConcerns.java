package org.staffroom.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.concerns.ConcernConversation;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.Concerns;
import org.staffroom.concerns.Grievances;
import org.staffroom.identity.AnonymousTags;

/**
 * The demo's concerns: a dozen across the categories in both groups, some anonymous, some shared by many,
 * and one grievance at the plan stage, so that a newcomer sees the whole path at once. Everything goes
 * through the same use cases as a member's own actions.
 */
final class DemoConcerns {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConcerns.class);

    private record Demo(int author, boolean anonymous, String title, String details, String category, String affected,
            List<Integer> cosigners) {
    }

    private static final List<Demo> MENTAL_HEALTH = List.of(
            new Demo(1, false, "Caseloads over 40 with no cover for sickness",
                    "Since March most of us carry more than 40 clients. When someone is off sick nobody covers, so "
                            + "visits are cancelled and clients ring us in crisis.",
                    "STAFFING_AND_WORKLOAD", "Everyone holding a caseload, and our clients", List.of(2, 3, 4, 5, 6)),
            new Demo(2, true, "Supervision cancelled three months running",
                    "Clinical supervision has been cancelled every month since August because of \"service pressures\".",
                    "SUPERVISION_AND_TRAINING", "Band 5 and 6 nurses", List.of(7, 8, 9)),
            new Demo(3, true, "Admin staff shouted at in front of patients",
                    "A manager raises their voice at the admin team at reception, in front of patients, most weeks.",
                    "BULLYING_AND_HARASSMENT", "The admin team", List.of()),
            new Demo(4, false, "Lone visits to high-risk clients after 6pm",
                    "We are asked to visit clients flagged as high risk on our own in the evening, with no check-in.",
                    "HEALTH_AND_SAFETY", "Anyone doing evening visits", List.of(10, 11)),
            new Demo(5, false, "Mileage rate cut without consultation",
                    "The mileage rate went down in October. Nobody asked us and the letter came after the change.",
                    "PAY_HOURS_AND_CONTRACTS", "Everyone who drives for work", List.of()),
            new Demo(6, true, "Tender documents not shared with staff",
                    "The service is out to tender. We have asked to see what is proposed for our jobs and been told no.",
                    "RESTRUCTURING", "The whole team", List.of(12)),
            new Demo(7, false, "Waiting-list patients not reviewed",
                    "About 200 people on the waiting list have not had a risk review in six months.",
                    "PATIENT_SAFETY", "People waiting for a first appointment", List.of(8, 9, 13, 14)),
            new Demo(8, true, "Band 6 posts keep going to the same people",
                    "Black colleagues with the experience have applied for band 6 three times and been passed over "
                            + "without feedback.",
                    "DISCRIMINATION", "Black and minority ethnic staff", List.of()));

    private static final List<Demo> HOME_CARE = List.of(
            new Demo(15, false, "Travel time between visits is unpaid",
                    "We are paid from the first visit to the last. The driving in between, up to two hours a day, is not "
                            + "paid, which takes some of us below the minimum wage.",
                    "PAY_HOURS_AND_CONTRACTS", "Every home care worker", List.of(16, 17, 18, 19)),
            new Demo(16, true, "15-minute visits for personal care",
                    "Washing and dressing someone in 15 minutes is not possible safely. We stay longer unpaid or rush.",
                    "PATIENT_SAFETY", "Clients needing personal care", List.of(20)),
            new Demo(17, false, "Rotas sent the night before",
                    "Next week's rota arrives on Sunday night, so we cannot plan childcare.",
                    "STAFFING_AND_WORKLOAD", "Workers with children or carers' duties", List.of()),
            new Demo(18, true, "No gloves or aprons in the car",
                    "Supplies of gloves and aprons ran out in September and we are told to buy our own.",
                    "HEALTH_AND_SAFETY", "Everyone on visits", List.of(21, 22)));

    private final Concerns concerns;
    private final ConcernRaising raising;
    private final ConcernConversation conversation;
    private final Grievances grievances;
    private final AnonymousTags tags;
    private final String password;
    /** Releases what waits in the pools (the mixing job's work, done at once for the demo). */
    private final Runnable release;

    DemoConcerns(Concerns concerns, ConcernRaising raising, ConcernConversation conversation, Grievances grievances,
            AnonymousTags tags, String password, Runnable release) {
        this.release = release;
        this.concerns = concerns;
        this.raising = raising;
        this.conversation = conversation;
        this.grievances = grievances;
        this.tags = tags;
        this.password = password;
    }

    /**
     * @param members the demo's member accounts by their number (1 to 22)
     * @return the receipt of the anonymous concern about admin staff, to try at /receipt
     */
    @Nullable
    String create(UUID mentalHealth, UUID organiser, UUID homeCare, Map<Integer, UUID> members) {
        @Nullable
        UUID caseloads = null;
        String receipt = null;
        for (Demo demo : MENTAL_HEALTH) {
            Concerns.Raised raised = raise(mentalHealth, members, demo);
            caseloads = caseloads == null ? raised.concernId() : caseloads;
            if (raised.receipt() != null && demo.title().startsWith("Admin staff")) {
                receipt = raised.receipt();
                conversation.write(organiser, mentalHealth, raised.concernId(),
                        "Thank you for raising this. Is it one manager, and which days? We will not share your answer.");
            }
        }
        for (Demo demo : HOME_CARE) {
            raise(homeCare, members, demo);
        }
        release.run();

        UUID grievance = grievances.adopt(organiser, mentalHealth, java.util.Objects.requireNonNull(caseloads));
        grievances.describeProblem(organiser, mentalHealth, grievance, new Grievances.Problem(
                "Caseloads above 40 per practitioner, with no cover when a colleague is off sick.",
                "Every practitioner holding a caseload; clients whose visits are cancelled.",
                "The service manager, who sets caseload limits and agency cover.", "March 2026"));
        grievances.addInformation(java.util.Objects.requireNonNull(members.get(3)), mentalHealth, grievance,
                new Grievances.NewInfo("POLICY",
                        "The trust's own safe staffing policy says caseloads are reviewed above 35.", "", false));
        grievances.addInformation(java.util.Objects.requireNonNull(members.get(9)), mentalHealth, grievance,
                new Grievances.NewInfo("EVIDENCE",
                        "Cancelled visits log: 23 cancelled visits in four weeks because of sickness.", "", true));
        grievances.addPlanItem(organiser, mentalHealth, grievance, new Grievances.NewPlanItem(
                "Count everyone's caseload on one day", java.util.Objects.requireNonNull(members.get(1)),
                LocalDate.now().plusDays(7).toString()));
        grievances.addPlanItem(organiser, mentalHealth, grievance, new Grievances.NewPlanItem(
                "Find the safe staffing policy and the last review", java.util.Objects.requireNonNull(members.get(3)),
                LocalDate.now().minusDays(2).toString()));
        grievances.addPlanItem(organiser, mentalHealth, grievance, new Grievances.NewPlanItem(
                "Ask the service manager for a meeting about caseload limits", organiser,
                LocalDate.now().plusDays(21).toString()));
        UUID done = grievances.get(organiser, mentalHealth, grievance).plan().get(1).id();
        grievances.markPlanItem(java.util.Objects.requireNonNull(members.get(3)), mentalHealth, grievance, done, true);
        grievances.changeStatus(organiser, mentalHealth, grievance, "IN_PROGRESS");
        LOG.info("Demo data: {} concerns and 1 grievance.", MENTAL_HEALTH.size() + HOME_CARE.size());
        return receipt;
    }

    private Concerns.Raised raise(UUID groupId, Map<Integer, UUID> members, Demo demo) {
        UUID author = java.util.Objects.requireNonNull(members.get(demo.author()));
        Concerns.Raised raised = tags.actingAs(author, password, () -> raising.raise(author, groupId,
                new ConcernDraft(demo.title(), demo.details(), demo.category(), demo.affected(), demo.anonymous())));
        // an anonymous concern waits in the pool until released; only then can colleagues see and co-sign it
        release.run();
        for (int i = 0; i < demo.cosigners().size(); i++) {
            UUID cosigner = java.util.Objects.requireNonNull(members.get(demo.cosigners().get(i)));
            boolean anonymous = i % 2 == 0;
            tags.actingAs(cosigner, password, () -> concerns.cosign(cosigner, groupId, raised.concernId(), anonymous));
        }
        return raised;
    }
}
