package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which of a question's figures may be shown, decided once over everything any viewer of the results can see
 * (docs/disclosure-control.md). A <em>figure</em> is a set of respondents — a group, the whole survey, or
 * those of either with one answer to a breakdown question — with what they answered. Every figure's size is
 * taken as known; the rules protect what the respondents answered:
 * <ol>
 * <li>a figure of fewer than {@code k} respondents is hidden ({@link Reason#FEWER_THAN_K});</li>
 * <li>along every line (a total and the figures that make it up) whose total is known, the members nobody can
 * know — hidden, with people, and not the same people as a shown figure — are none, or at least two that
 * together are at least {@code k}; and a total nobody can know keeps a member nobody can know, so that its
 * members do not add up to it; else the smallest known member is hidden too ({@link Reason#PROTECTS_ANOTHER});</li>
 * <li>the audit ({@link DisclosureAudit}): for every hidden figure of 1 to k - 1 respondents, and for every
 * difference of two shown figures, one inside the other, of 1 to k - 1 respondents, nothing shown may narrow
 * how many of them gave any answer (or the sum of their numbers) beyond what the shown figures holding them
 * all allow, each on its own; and no set of 1 to k - 1 respondents of one group, or of one breakdown answer,
 * may be named by a combination of shown figures unless those holding it already say as much; where something
 * does, a figure near them is hidden too, and the audit runs again.</li>
 * </ol>
 * Hiding only grows, so the rules settle; the decision is deterministic.
 */
public final class DisclosureControl {

    public enum Reason {
        /** Fewer than k people. */
        FEWER_THAN_K,
        /** Hidden so that what a smaller group answered cannot be worked out from it and the other figures. */
        PROTECTS_ANOTHER
    }

    /** How a question's answers add up: one option each (choose one, agreement), one or more, or a number. */
    public enum Answers {
        ONE, ANY, NUMBER
    }

    /** The part of a figure that is the whole survey. */
    public static final int WHOLE = -1;

    /**
     * Respondents of a part ({@link #WHOLE}, or a group of a network survey by its index) and, with {@code by}
     * from 1, one item of that breakdown question (its answer's number, or -1: not stated); {@code by} 0 and
     * item 0: everyone in the part.
     */
    public record Figure(int part, int by, int item) {
    }

    /** How many respondents a figure has, how many of them chose each option, and the sum of their numbers. */
    public record Values(long respondents, long[] chosen, long total) {
    }

    /** Respondents of a part with {@code item1} of breakdown {@code by1} and {@code item2} of {@code by2}. */
    public record Pair(int part, int by1, int item1, int by2, int item2) {
    }

    /**
     * A question's figures, as all viewers together see them.
     *
     * @param options the question's options (choices), ignored for numbers
     * @param min the smallest number an answer can be (numbers)
     * @param groups the network's groups (0: a group's own survey, whose figures are all of the whole)
     * @param items for each breakdown question in turn (by 1, 2...), the items of its rows
     * @param values each figure's; a figure missing has nobody
     * @param together how many respondents of each part gave each pair of breakdown answers (the breakdown
     *     questions' tables by each other), or null: bounds the joint table's cells
     */
    public record Figures(Answers answers, int options, int min, int max, int k, int groups, List<List<Integer>> items,
            Map<Figure, Values> values, @Nullable Map<Pair, Long> together) {
    }

    private DisclosureControl() {
    }

    /** The mean shown for a figure's numbers, to one decimal place (and what the audit knows of its sum). */
    public static double mean(long total, long respondents) {
        return Math.round(10.0 * total / respondents) / 10.0;
    }

    /** Why each hidden figure is hidden; figures not in the map are shown. */
    public static Map<Figure, Reason> decide(Figures figures) {
        return decide(figures, Set.of());
    }

    /**
     * @param before figures an earlier release hid, which stay hidden, so that no release shows more than an
     *     earlier one did
     */
    public static Map<Figure, Reason> decide(Figures figures, Set<Figure> before) {
        return decide(figures, before, new DisclosureAudit.Stats());
    }

    /** As {@link #decide(Figures, Set)}, counting the audit's work in {@code stats} (the benchmark's). */
    static Map<Figure, Reason> decide(Figures figures, Set<Figure> before, DisclosureAudit.Stats stats) {
        return new DisclosureDecision(new DisclosureAudit(figures, stats)).decide(before);
    }

    // ---- the rule of releases made before the audit, kept so that a survey released then shows no more now

    /**
     * The figures the rule before the audit showed in no view: it decided each table (the question alone, and
     * by each breakdown) on its own, over the lines of that table, with figures named as results named them
     * ({@code groupNames}: each group's, by index), ties going by name.
     */
    public static Set<Figure> neverShownBefore(Figures figures, List<String> groupNames) {
        Map<Figure, Integer> views = new HashMap<>();
        Map<Figure, Integer> hiddenIn = new HashMap<>();
        for (int by = 0; by <= figures.items().size(); by++) {
            List<Integer> items = new ArrayList<>(List.of(0));
            if (by > 0) {
                items.addAll(figures.items().get(by - 1));
            }
            Map<String, Figure> named = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>(List.of("all"));
            parts.addAll(groupNames);
            for (int p = 0; p < parts.size(); p++) {
                for (int i = 0; i < items.size(); i++) {
                    boolean everyone = i == 0;
                    named.put(parts.get(p) + "/" + (everyone ? "" : items.get(i)),
                            new Figure(p == 0 ? WHOLE : p - 1, everyone ? 0 : by, everyone ? 0 : items.get(i)));
                }
            }
            Map<String, Long> sizes = new LinkedHashMap<>();
            named.forEach((name, figure) -> sizes.put(name, figures.values().containsKey(figure)
                    ? figures.values().get(figure).respondents() : 0L));
            List<Line> lines = new ArrayList<>();
            List<String> rows = items.subList(1, items.size()).stream().map(String::valueOf).toList();
            for (String part : parts) {
                if (!rows.isEmpty()) {
                    lines.add(new Line(part + "/", rows.stream().map(r -> part + "/" + r).toList()));
                }
            }
            if (!groupNames.isEmpty()) {
                for (String row : java.util.stream.Stream.concat(java.util.stream.Stream.of(""), rows.stream())
                        .toList()) {
                    lines.add(new Line("all/" + row, groupNames.stream().map(g -> g + "/" + row).toList()));
                }
            }
            Map<String, Reason> hidden = earlierDecision(sizes, lines, figures.k());
            named.forEach((name, figure) -> {
                views.merge(figure, 1, Integer::sum);
                if (hidden.containsKey(name)) {
                    hiddenIn.merge(figure, 1, Integer::sum);
                }
            });
        }
        Set<Figure> never = new java.util.HashSet<>();
        views.forEach((figure, count) -> {
            if (count.equals(hiddenIn.get(figure))) {
                never.add(figure);
            }
        });
        return never;
    }

    /** The members' respondents together are exactly the total's (a partition). */
    record Line(String total, List<String> members) {
    }

    /**
     * What the rule before the audit hid in one table (its figures by name; empty hidden members counted as
     * hiding something, lines checked only as they were handed).
     */
    private static Map<String, Reason> earlierDecision(Map<String, Long> sizes, List<Line> lines, int k) {
        Map<String, Reason> hidden = new HashMap<>();
        sizes.forEach((figure, size) -> {
            if (size < k) {
                hidden.put(figure, Reason.FEWER_THAN_K);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                if (hidden.containsKey(line.total())) {
                    for (String member : line.members()) {
                        changed |= hidden.putIfAbsent(member, Reason.PROTECTS_ANOTHER) == null;
                    }
                    continue;
                }
                List<String> hiddenMembers = line.members().stream().filter(hidden::containsKey).toList();
                long hiddenTogether = hiddenMembers.stream().mapToLong(sizes::get).sum();
                if (!hiddenMembers.isEmpty() && (hiddenMembers.size() < 2 || hiddenTogether < k)) {
                    var smallest = line.members().stream().filter(m -> !hidden.containsKey(m))
                            .min(Comparator.comparingLong((String m) -> sizes.get(m)).thenComparing(m -> m));
                    if (smallest.isPresent()) {
                        hidden.put(smallest.get(), Reason.PROTECTS_ANOTHER);
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }
}
