package org.staffroom.surveys;

import static org.staffroom.surveys.DisclosureControl.WHOLE;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.staffroom.surveys.DisclosureAudit.Narrowed;
import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * One run of {@link DisclosureControl}'s rules over a question's figures: what is hidden so far and why,
 * hiding more until the size rule, the lines and the audit all hold. Hiding only grows, so the run settles.
 */
final class DisclosureDecision {

    /** Shown figures tried, at most, for the one to hide when a hidden figure can be narrowed. */
    private static final int TRIALS = 16;

    private final DisclosureAudit audit;
    private final int k;
    private final BitSet hidden = new BitSet();
    private final Map<Integer, Reason> reasons = new LinkedHashMap<>();
    /** Shown figures in each class of the same respondents. */
    private final Map<Integer, Integer> shownInClass = new HashMap<>();
    /** Hidden figures whose audit passed, and the shown figures holding them then. */
    private final Map<Integer, List<Integer>> passed = new HashMap<>();

    DisclosureDecision(DisclosureAudit audit) {
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
        return !hidden.get(f) || audit.size[f] == 0
                || java.util.Objects.requireNonNull(shownInClass.get(audit.same[f])) > 0;
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

    @SuppressWarnings("NullAway.Init") // set by the constructor's audit, before anything reads it
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
                if (!java.util.Objects.requireNonNull(narrowed.unknowns()).get(space.offset + cell)) {
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
        int headline = java.util.Objects.requireNonNull(audit.index.get(new Figure(WHOLE, 0, 0)));
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
