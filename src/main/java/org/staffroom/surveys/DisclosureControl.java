package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.staffroom.surveys.DisclosureAudit.Narrowed;

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
            Map<Figure, Values> values, Map<Pair, Long> together) {
    }

    private DisclosureControl() {
    }

    /** Shown figures tried, at most, for the one to hide when a hidden figure can be narrowed. */
    private static final int TRIALS = 16;

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
        return new Decision(new DisclosureAudit(figures, stats)).decide(before);
    }

    /** One decision's state: what is hidden so far and why. */
    private static final class Decision {
        private final DisclosureAudit audit;
        private final int k;
        private final BitSet hidden = new BitSet();
        private final Map<Integer, Reason> reasons = new LinkedHashMap<>();
        /** Shown figures in each class of the same respondents. */
        private final Map<Integer, Integer> shownInClass = new HashMap<>();
        /** Hidden figures whose audit passed, and the shown figures holding them then. */
        private final Map<Integer, List<Integer>> passed = new HashMap<>();

        Decision(DisclosureAudit audit) {
            this.audit = audit;
            this.k = audit.in.k();
            for (int f = 0; f < audit.figures.size(); f++) {
                shownInClass.merge(audit.same[f], 1, Integer::sum);
            }
        }

        Map<Figure, Reason> decide(Set<Figure> before) {
            for (int f = 0; f < audit.figures.size(); f++) {
                if (audit.size[f] < k) {
                    hide(f, Reason.FEWER_THAN_K);
                }
            }
            before.stream().map(audit.index::get).filter(java.util.Objects::nonNull)
                    .forEach(f -> hide(f, Reason.PROTECTS_ANOTHER));
            while (true) {
                audit.stats.rounds++;
                lines();
                DisclosureAudit.Round round = audit.new Round(hidden);
                List<Narrowed> failures = new ArrayList<>(round.differences(k));
                failures.addAll(audit.combinations(round, k));
                for (int f = hidden.nextSetBit(0); f >= 0; f = hidden.nextSetBit(f + 1)) {
                    if (audit.size[f] > 0 && audit.size[f] < k && !round.holding(f).equals(passed.get(f))) {
                        audit.stats.checks++;
                        Narrowed narrowed = round.check(f);
                        if (narrowed == null) {
                            passed.put(f, round.holding(f));
                        } else {
                            failures.add(narrowed);
                        }
                    }
                }
                if (failures.isEmpty()) {
                    Map<Figure, Reason> decision = new LinkedHashMap<>();
                    reasons.forEach((f, reason) -> decision.put(audit.figures.get(f), reason));
                    return decision;
                }
                // one failure at a time: hiding a figure for one often settles the next
                boolean changed = false;
                for (Narrowed failure : failures) {
                    if (changed) {
                        round = audit.new Round(hidden);
                        failure = failure.inner() >= 0 ? failure : round.check(failure.figure());
                        if (failure == null || failure.inner() >= 0 && hidden.get(failure.inner())) {
                            continue;
                        }
                    }
                    int more = failure.inner() >= 0 ? failure.inner() : nearest(failure);
                    if (more >= 0 && !hidden.get(more)) {
                        hideSame(more, Reason.PROTECTS_ANOTHER);
                        changed = true;
                    }
                }
                if (!changed) {
                    // nothing shown ties them down any more (only a solver's failure leaves this): show nothing
                    for (int f = 0; f < audit.figures.size(); f++) {
                        hide(f, audit.size[f] < k ? Reason.FEWER_THAN_K : Reason.PROTECTS_ANOTHER);
                    }
                }
            }
        }

        private void hide(int f, Reason reason) {
            if (!hidden.get(f)) {
                hidden.set(f);
                reasons.put(f, reason);
                shownInClass.merge(audit.same[f], -1, Integer::sum);
            }
        }

        /** Hides a figure and every figure with the same respondents: hiding one alone would hide nothing. */
        private void hideSame(int f, Reason reason) {
            for (int g : audit.sameAs[f]) {
                hide(g, audit.size[g] < k ? Reason.FEWER_THAN_K : reason);
            }
        }

        /** Whether anyone can know the figure's answers: shown, of nobody, or the same people as a shown one. */
        private boolean known(int f) {
            return !hidden.get(f) || audit.size[f] == 0 || shownInClass.get(audit.same[f]) > 0;
        }

        /** Rule 2 over every line of every table, until nothing changes. */
        private void lines() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[][] line : lineList()) {
                    int total = line[0][0];
                    int[] members = line[1];
                    long unknown = 0;
                    int unknownMembers = 0;
                    int smallestKnown = -1;
                    for (int m : members) {
                        if (audit.size[m] == 0) {
                            continue;
                        }
                        if (!known(m)) {
                            unknown += audit.size[m];
                            unknownMembers++;
                        } else if (smallestKnown < 0 || audit.size[m] < audit.size[smallestKnown]) {
                            smallestKnown = m;
                        }
                    }
                    boolean addsUp = !known(total) && audit.size[total] > 0 && unknownMembers == 0;
                    boolean leavesSmall = known(total) && unknownMembers > 0 && (unknownMembers < 2 || unknown < k);
                    if ((addsUp || leavesSmall) && smallestKnown >= 0) {
                        hideSame(smallestKnown, Reason.PROTECTS_ANOTHER);
                        changed = true;
                    }
                }
            }
        }

        private List<int[][]> lines;

        /** Each line as {{total}, members}: parts of the network, and each breakdown's rows within a part and across parts. */
        private List<int[][]> lineList() {
            if (lines != null) {
                return lines;
            }
            lines = new ArrayList<>();
            int groups = audit.in.groups();
            if (groups > 0) {
                lines.add(line(new Figure(WHOLE, 0, 0), java.util.stream.IntStream.range(0, groups)
                        .mapToObj(g -> new Figure(g, 0, 0)).toList()));
            }
            for (int b = 1; b <= audit.in.items().size(); b++) {
                List<Integer> items = audit.in.items().get(b - 1);
                int by = b;
                List<Integer> parts = new ArrayList<>(List.of(WHOLE));
                java.util.stream.IntStream.range(0, groups).forEach(parts::add);
                for (int p : parts) {
                    lines.add(line(new Figure(p, 0, 0), items.stream().map(i -> new Figure(p, by, i)).toList()));
                }
                if (groups > 0) {
                    for (int item : items) {
                        lines.add(line(new Figure(WHOLE, by, item), java.util.stream.IntStream.range(0, groups)
                                .mapToObj(g -> new Figure(g, by, item)).toList()));
                    }
                }
            }
            return lines;
        }

        private int[][] line(Figure total, List<Figure> members) {
            return new int[][] {{audit.index.get(total)}, members.stream().mapToInt(audit.index::get).toArray()};
        }

        /**
         * The figure to hide when a hidden figure can be narrowed: one of the shown figures that tie down the
         * unknowns of the linear program that narrowed it (those holding them, and those that are one of their
         * cells alone). Breakdown rows go before everyone in a group, and those before the whole survey's
         * everyone (what the survey is for); within each, smallest first, the first whose hiding alone lets it
         * range as far as it should, else the one whose hiding brings it closest.
         */
        private int nearest(Narrowed narrowed) {
            java.util.Set<Integer> tied = new java.util.LinkedHashSet<>();
            for (DisclosureAudit.Space space : audit.spaces) {
                for (int cell = 0; cell < space.cells; cell++) {
                    if (!narrowed.unknowns().get(space.offset + cell)) {
                        continue;
                    }
                    for (int g : space.holders[cell]) {
                        if (!hidden.get(g) && tied.add(g)) {
                            for (int other : space.of[g]) {
                                int pinning = pinnedBy(space, other);
                                if (pinning >= 0) {
                                    tied.add(pinning);
                                }
                            }
                        }
                    }
                }
            }
            List<Integer> tying = new ArrayList<>(tied);
            tying.sort(Comparator.comparingInt(this::tier).thenComparingLong(g -> audit.size[g]).thenComparing(g -> g));
            for (int tier = 0; tier <= HEADLINE; tier++) {
                int level = tier;
                List<Integer> inTier = tying.stream().filter(g -> tier(g) == level).limit(TRIALS).toList();
                int best = -1;
                double closest = narrowed.shortfall();
                for (int g : inTier) {
                    audit.stats.trials++;
                    Narrowed after = audit.new Round(withSame(g)).check(narrowed.figure());
                    if (after == null) {
                        return g;
                    }
                    if (after.shortfall() < closest - DisclosureAudit.EPSILON) {
                        best = g;
                        closest = after.shortfall();
                    }
                }
                if (best >= 0) {
                    return best;
                }
            }
            return tying.isEmpty() ? -1 : tying.getFirst();
        }

        private static final int HEADLINE = 3;

        /** 0: a group's breakdown row; 1: the whole survey's; 2: a group's everyone; 3: the whole survey's everyone. */
        private int tier(int g) {
            int same = audit.same[g];
            int headline = audit.index.get(new Figure(WHOLE, 0, 0));
            if (same == audit.same[headline]) {
                return HEADLINE;
            }
            boolean everyone = false;
            boolean whole = true;
            for (int f : audit.sameAs[g]) {
                everyone |= audit.figures.get(f).by() == 0;
                whole &= audit.figures.get(f).part() == WHOLE;
            }
            return everyone ? 2 : whole ? 1 : 0;
        }

        private BitSet withSame(int g) {
            BitSet trial = (BitSet) hidden.clone();
            for (int same : audit.sameAs[g]) {
                trial.set(same);
            }
            return trial;
        }

        /** The shown figure that is this cell alone, if any. */
        private int pinnedBy(DisclosureAudit.Space space, int cell) {
            for (int g : space.holders[cell]) {
                if (!hidden.get(g) && space.of[g].length == 1) {
                    return g;
                }
            }
            return -1;
        }

        private boolean smaller(int g, int than) {
            return than < 0 || audit.size[g] < audit.size[than] || (audit.size[g] == audit.size[than] && g < than);
        }
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
                for (String row : java.util.stream.Stream.concat(java.util.stream.Stream.of(""), rows.stream()).toList()) {
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
