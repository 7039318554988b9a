package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * How long the disclosure decision of one question takes for a network survey shaped like the surveys
 * benchmark's national one (bench/surveys): groups of equal size, breakdowns by profession, employer type,
 * contract and ethnicity (as the question bank has them), answers leaning to the first options as
 * bench/surveys/generate-chunk.sql draws them (n × random^1.7), one question in twenty skipped. Run by
 * bench/disclosure/run.sh:
 *
 * <pre>DisclosureBenchmark GROUPS RESPONDENTS_A_GROUP [KIND...]</pre>
 *
 * KIND is one of one, scale, any, number, sensitive (default: all five); prints one line a question: the
 * time, and how many figures were shown and hidden.
 */
public final class DisclosureBenchmark {

    private static final int[] BREAKDOWN_OPTIONS = {11, 7, 7, 6};

    private DisclosureBenchmark() {
    }

    public static void main(String[] args) {
        int groups = Integer.parseInt(args[0]);
        int perGroup = Integer.parseInt(args[1]);
        List<String> kinds = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("one", "scale", "any", "number", "sensitive");
        for (String kind : kinds) {
            Respondents respondents = generate(new Random(kinds.indexOf(kind)), groups, perGroup, kind);
            int k = kind.equals("sensitive") ? 20 : 11;
            DisclosureControl.Figures figures = respondents.figures(k);
            DisclosureAudit.Stats stats = new DisclosureAudit.Stats();
            long started = System.nanoTime();
            // progress every minute (approximate: read while the audit counts), so a run stopped early still says
            // how far it got
            Thread progress = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(60_000);
                        System.out.printf(Locale.ROOT,
                                "  %s after %.0f s: rounds %d, checks %d (+%d trials): %d certified,"
                                        + " %d refuted, %d LP solves (%.1f s)%n",
                                kind, (System.nanoTime() - started) / 1e9,
                                stats.rounds, stats.checks, stats.trials, stats.certified, stats.refuted, stats.solves,
                                stats.solveNanos / 1e9);
                    }
                } catch (InterruptedException stopped) {
                    // done
                }
            });
            Map<Figure, Reason> hidden = DisclosureControl.decide(figures, java.util.Set.of(), stats);
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.interrupt();
            long shownRows = figures.values().keySet().stream().filter(f -> f.by() > 0 && !hidden.containsKey(f))
                    .count();
            long rows = figures.values().keySet().stream()
                    .filter(f -> f.by() > 0 && figures.values().get(f).respondents() >= k)
                    .count();
            System.out.printf(Locale.ROOT,
                    "%-9s groups %5d x %4d respondents, k %2d: %8.1f s; breakdown rows of k or more"
                            + " shown %d of %d; figures hidden %d of %d; rounds %d, checks %d (+%d trials): %d certified, %d"
                            + " refuted, %d LP solves (%.1f s, %.0f unknowns each); combinations %d sets named, %d failed"
                            + " (%.2f s)%n",
                    kind, groups, perGroup, k, seconds,
                    shownRows, rows, hidden.size(), figures.values().size(), stats.rounds, stats.checks, stats.trials,
                    stats.certified, stats.refuted, stats.solves, stats.solveNanos / 1e9,
                    (double) stats.variables / Math.max(1, stats.solves), stats.named, stats.combinationFailures,
                    stats.combinationNanos / 1e9);
        }
    }

    static Respondents generate(Random random, int groups, int perGroup, String kind) {
        Attacker.Kind answers = switch (kind) {
            case "any" -> Attacker.Kind.ANY;
            case "number" -> Attacker.Kind.NUMBER;
            default -> Attacker.Kind.ONE;
        };
        int options = switch (kind) {
            case "number" -> 0;
            case "any", "sensitive" -> 4;
            default -> 5;
        };
        List<List<Integer>> items = new ArrayList<>();
        for (int n : BREAKDOWN_OPTIONS) {
            List<Integer> ofB = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ofB.add(i);
            }
            ofB.add(-1);
            items.add(ofB);
        }
        List<Respondents.Respondent> list = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int n = 0; n < perGroup; n++) {
                int[] at = new int[BREAKDOWN_OPTIONS.length];
                for (int b = 0; b < at.length; b++) {
                    at[b] = random.nextDouble() < 0.05 ? -1 : draw(random, BREAKDOWN_OPTIONS[b]);
                }
                if (random.nextDouble() < 0.05) {
                    continue;
                }
                int[] choices = switch (answers) {
                    case ONE -> new int[] {draw(random, options)};
                    case ANY -> random.nextDouble() < 0.3
                            ? new int[] {draw(random, options), (draw(random, options) + 1) % options}
                            : new int[] {draw(random, options)};
                    case NUMBER -> new int[0];
                };
                if (choices.length == 2 && choices[0] == choices[1]) {
                    choices = new int[] {choices[0]};
                }
                list.add(new Respondents.Respondent(g, at, choices, random.nextInt(81)));
            }
        }
        return new Respondents(answers, options, 0, 80, groups, items, list);
    }

    private static int draw(Random random, int options) {
        return (int) Math.floor(options * Math.pow(random.nextDouble(), 1.7));
    }
}
