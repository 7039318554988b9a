package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.staffroom.surveys.DisclosureControl.Answers;
import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Figures;
import org.staffroom.surveys.DisclosureControl.Values;

/**
 * The audit behind {@link DisclosureControl}: how far a viewer can narrow what a set of respondents answered,
 * from every figure shown, by linear programming over the linked tables (as tau-ARGUS's audit does).
 *
 * <p>The respondents to a question fall into <em>cells</em>, the finest sets the figures tell apart. While the
 * joint table of every breakdown question has at most {@value #JOINT_CELLS} cells a group and the whole
 * problem stays under {@value #EXACT_VARIABLES} unknowns, a cell is a group's respondents with one answer to
 * every breakdown question at once: breakdowns by job and by contract are then margins of one table, and a
 * cell's size is unknown, bounded by how many gave each pair of breakdown answers (the breakdown questions'
 * tables by each other) and by every figure's size. Otherwise there is one <em>cutting</em> into cells per
 * breakdown (a group's respondents with one answer to it), and the cuttings are tied together by the figures
 * they share (everyone in a group, everyone in the survey): where such a figure is hidden, every cutting
 * must agree on its answers.
 *
 * <p>Every figure's size is taken as known (the breakdown questions' own tables and the turnout publish most
 * of them), so a cell of nobody is known to be empty and no size is relied on to hide anything. Each shown
 * figure fixes the sum of its cells' answers; a mean, shown to one decimal place, fixes their sum of numbers
 * to within its rounding.
 */
final class DisclosureAudit {

    /** Joint cells a group, at most, for the breakdowns to be audited as one joint table. */
    static final int JOINT_CELLS = 128;
    /** Unknowns, at most, in a linear program solved whole. */
    static final int EXACT_VARIABLES = 1500;
    /** Unknowns, at most, in a linear program of separate cuttings solved whole, or in a neighbourhood. */
    static final int SEPARATE_VARIABLES = 500;
    /** Unknowns, about, in the first neighbourhood tried in a problem larger than that. */
    static final int FIRST_VARIABLES = 120;
    /** Unknowns in the first neighbourhood tried in a problem too large to solve whole. */
    static final int LOCAL_VARIABLES = 250;
    static final double EPSILON = 1e-6;
    /** The breakdown of the joint table's cutting. */
    static final int JOINT = -2;

    final Figures in;
    /** Unknowns a cell has for its answers: one per option, or one sum of numbers. */
    final int answers;
    final List<Figure> figures = new ArrayList<>();
    final Map<Figure, Integer> index = new HashMap<>();
    final long[] size;
    final List<Space> spaces = new ArrayList<>();
    /** Figures holding the same non-empty cells — the same respondents, as far as anyone can tell — share a class. */
    final int[] same;

    /** One way of cutting the respondents into cells. */
    static final class Space {

        final int breakdown;
        final int cells;
        final int[] part;
        /** Each cell's item of the cutting's breakdown (separate cuttings; 0 for none, and in the joint table). */
        final int[] item;
        final double[] lower;
        final double[] upper;
        /** Each cell's true answers and size (known where a figure is the cell itself); null for the joint table. */
        final double @Nullable [][] truth;
        /** For each figure its non-empty cells, in order; null for a figure this cutting does not hold. */
        final int[][] of;
        /** For each cell, the figures holding it. */
        final int[][] holders;
        final int offset;

        Space(int breakdown, int[] part, int[] item, double[] lower, double[] upper, double @Nullable [][] truth,
                int[][] of,
                int offset) {
            this.breakdown = breakdown;
            this.cells = part.length;
            this.part = part;
            this.item = item;
            this.lower = lower;
            this.upper = upper;
            this.truth = truth;
            this.of = of;
            this.offset = offset;
            List<List<Integer>> holding = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                holding.add(new ArrayList<>());
            }
            for (int f = 0; f < of.length; f++) {
                if (of[f] != null) {
                    for (int c : of[f]) {
                        holding.get(c).add(f);
                    }
                }
            }
            holders = holding.stream().map(DisclosureAudit::ints).toArray(int[][]::new);
        }

        /** A cell's true values; every space has them but the joint one, which only bounds. */
        double[] truth(int cell) {
            return java.util.Objects.requireNonNull(truth, "the joint space keeps no cell values")[cell];
        }

        boolean holds(int figure) {
            return of[figure] != null;
        }

        boolean fixedSize(int cell) {
            return lower[cell] == upper[cell];
        }
    }

    /**
     * What an audit did, counted for the benchmark (bench/disclosure): rounds of hiding, checks of hidden figures
     * (and trial checks while choosing what to hide), checks settled by a verified table, linear programs solved,
     * their unknowns and time.
     */
    static final class Stats {

        long rounds;
        long checks;
        long trials;
        long certified;
        long refuted;
        long solves;
        long variables;
        long solveNanos;
        long neighbourhoods;
        /** Sets of 1 to k - 1 respondents that combinations of shown figures name, those that failed, and the time. */
        long named;
        long combinationFailures;
        long combinationNanos;
    }

    final Stats stats;
    /** For each figure, the figures of its class (itself included). */
    final int[][] sameAs;
    /** Per cutting, each part's (offset by one) cell of each of its items (by their place in the breakdown), or -1. */
    private final Map<Space, int[][]> cellAt = new HashMap<>();
    /** Per cutting, whether every figure's answers and size are the sums of its cells' (so certificates can be checked by difference). */
    private final Map<Space, Boolean> additive = new HashMap<>();

    DisclosureAudit(Figures in) {
        this(in, new Stats());
    }

    DisclosureAudit(Figures in, Stats stats) {
        this.stats = stats;
        this.in = in;
        this.answers = in.answers() == Answers.NUMBER ? 1 : in.options();
        List<Integer> parts = new ArrayList<>(List.of(DisclosureControl.WHOLE));
        IntStream.range(0, in.groups()).forEach(parts::add);
        for (int p : parts) {
            add(new Figure(p, 0, 0));
            for (int b = 1; b <= in.items().size(); b++) {
                for (int item : in.items().get(b - 1)) {
                    add(new Figure(p, b, item));
                }
            }
        }
        size = figures.stream().mapToLong(f -> values(f).respondents()).toArray();
        int breakdowns = in.items().size();
        if (breakdowns <= 1) {
            spaces.add(separate(breakdowns));
        } else if (!joint()) {
            for (int b = 1; b <= breakdowns; b++) {
                spaces.add(separate(b));
            }
        }
        same = classes();
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int f = 0; f < figures.size(); f++) {
            members.computeIfAbsent(same[f], c -> new ArrayList<>()).add(f);
        }
        sameAs = new int[figures.size()][];
        members.values().forEach(list -> {
            int[] ofClass = ints(list);
            list.forEach(f -> sameAs[f] = ofClass);
        });
        for (Space space : spaces) {
            if (space.truth != null && space.breakdown > 0) {
                index(space);
            }
        }
    }

    /** A separate cutting's cells by part and item, and whether its figures add up from its cells. */
    private void index(Space space) {
        List<Integer> items = in.items().get(space.breakdown - 1);
        int[][] at = new int[in.groups() + 1][items.size()];
        for (int[] row : at) {
            Arrays.fill(row, -1);
        }
        for (int c = 0; c < space.cells; c++) {
            at[space.part[c] + 1][items.indexOf(space.item[c])] = c;
        }
        cellAt.put(space, at);
        boolean adds = true;
        for (int f = 0; f < figures.size() && adds; f++) {
            if (!space.holds(f)) {
                continue;
            }
            double[] sum = new double[answers + 1];
            for (int c : space.of[f]) {
                for (int a = 0; a <= answers; a++) {
                    sum[a] += space.truth(c)[a];
                }
            }
            adds = sum[answers] == size[f];
            for (int a = 0; a < answers; a++) {
                adds &= sum[a] == truth(f, a);
            }
        }
        additive.put(space, adds);
    }

    private void add(Figure figure) {
        index.put(figure, figures.size());
        figures.add(figure);
    }

    Values values(Figure figure) {
        return in.values().getOrDefault(figure, new Values(0, new long[in.options()], 0));
    }

    Values values(int figure) {
        return values(figures.get(figure));
    }

    private int nodes() {
        return spaces.isEmpty() ? 0 : spaces.getLast().offset + spaces.getLast().cells;
    }

    /** The parts cells belong to: each group of a network survey, or the whole of a group's own survey. */
    private int[] cellParts() {
        return in.groups() == 0 ? new int[] {DisclosureControl.WHOLE} : IntStream.range(0, in.groups()).toArray();
    }

    /** The figures holding a cell of part {@code p} with {@code item} of breakdown {@code by}. */
    private static List<Figure> holdersOf(int p, int by, int item) {
        List<Figure> holders = new ArrayList<>(List.of(new Figure(p, by, item), new Figure(p, 0, 0)));
        if (p != DisclosureControl.WHOLE) {
            holders.add(new Figure(DisclosureControl.WHOLE, by, item));
            holders.add(new Figure(DisclosureControl.WHOLE, 0, 0));
        }
        return holders.stream().distinct().toList();
    }

    /** One cell for each part and item of breakdown {@code by} (none: a cell for each part), of known size. */
    private Space separate(int by) {
        List<Integer> items = by == 0 ? List.of(0) : in.items().get(by - 1);
        List<Integer> parts = new ArrayList<>();
        List<Integer> cellItems = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        Map<Figure, List<Integer>> cellsOf = new LinkedHashMap<>();
        for (int p : cellParts()) {
            for (int item : items) {
                Values v = values(new Figure(p, by, item));
                if (v.respondents() == 0) {
                    continue;
                }
                for (Figure holder : holdersOf(p, by, item)) {
                    cellsOf.computeIfAbsent(holder, h -> new ArrayList<>()).add(parts.size());
                }
                parts.add(p);
                cellItems.add(item);
                double[] truth = new double[answers + 1];
                for (int a = 0; a < answers; a++) {
                    truth[a] = in.answers() == Answers.NUMBER ? v.total() : v.chosen()[a];
                }
                truth[answers] = v.respondents();
                truths.add(truth);
            }
        }
        double[] sizes = truths.stream().mapToDouble(t -> t[answers]).toArray();
        return new Space(by, ints(parts), ints(cellItems), sizes, sizes.clone(), truths.toArray(double[][]::new),
                figuresOf(cellsOf, by), nodes());
    }

    /** Figures as cells: those of breakdown {@code by} (every one, for the joint table) and those shared by all. */
    private int[][] figuresOf(Map<Figure, List<Integer>> cellsOf, int by) {
        int[][] of = new int[figures.size()][];
        for (int f = 0; f < figures.size(); f++) {
            Figure figure = figures.get(f);
            if (figure.by() == 0 || figure.by() == by || by == JOINT) {
                of[f] = ints(cellsOf.getOrDefault(figure, List.of()));
            }
        }
        return of;
    }

    /** Cuts into the joint table's cells, if it is small enough; whether it did. */
    private boolean joint() {
        if (in.together() == null) {
            return false;
        }
        int breakdowns = in.items().size();
        long product = 1;
        for (List<Integer> items : in.items()) {
            product *= items.size();
            if (product > JOINT_CELLS) {
                return false;
            }
        }
        List<Integer> parts = new ArrayList<>();
        List<Double> uppers = new ArrayList<>();
        Map<Figure, List<Integer>> cellsOf = new LinkedHashMap<>();
        int[] at = new int[breakdowns];
        for (int p : cellParts()) {
            for (long n = 0; n < product; n++) {
                long rest = n;
                for (int b = breakdowns - 1; b >= 0; b--) {
                    List<Integer> items = in.items().get(b);
                    at[b] = items.get((int) (rest % items.size()));
                    rest /= items.size();
                }
                long upper = size[java.util.Objects.requireNonNull(index.get(new Figure(p, 0, 0)))];
                for (int b = 0; b < breakdowns; b++) {
                    upper = Math.min(upper, values(new Figure(p, b + 1, at[b])).respondents());
                    for (int c = b + 1; c < breakdowns; c++) {
                        upper = Math.min(upper, in.together().getOrDefault(
                                new DisclosureControl.Pair(p, b + 1, at[b], c + 1, at[c]), 0L));
                    }
                }
                if (upper == 0) {
                    continue;
                }
                List<Figure> holders = new ArrayList<>();
                for (int b = 0; b < breakdowns; b++) {
                    holders.addAll(holdersOf(p, b + 1, at[b]));
                }
                for (Figure holder : holders.stream().distinct().toList()) {
                    cellsOf.computeIfAbsent(holder, h -> new ArrayList<>()).add(parts.size());
                }
                parts.add(p);
                uppers.add((double) upper);
            }
        }
        if ((long) parts.size() * (answers + 2) > EXACT_VARIABLES) {
            return false;
        }
        double[] upper = uppers.stream().mapToDouble(Double::doubleValue).toArray();
        spaces.add(new Space(JOINT, ints(parts), new int[parts.size()], new double[upper.length], upper, null,
                figuresOf(cellsOf, JOINT), 0));
        return true;
    }

    private int[] classes() {
        int[] parent = IntStream.range(0, figures.size()).toArray();
        for (Space space : spaces) {
            Map<List<Integer>, Integer> seen = new HashMap<>();
            for (int f = 0; f < figures.size(); f++) {
                if (space.holds(f) && space.of[f].length > 0) {
                    Integer first = seen.putIfAbsent(Arrays.stream(space.of[f]).boxed().toList(), f);
                    if (first != null) {
                        parent[find(parent, f)] = find(parent, first);
                    }
                }
            }
        }
        for (int f = 0; f < parent.length; f++) {
            parent[f] = find(parent, f);
        }
        return parent;
    }

    static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Whether {@code inner}'s non-empty cells all lie in {@code outer}'s, in a cutting that holds both. */
    boolean within(int inner, int outer) {
        for (Space space : spaces) {
            if (space.holds(inner) && space.holds(outer) && contains(space.of[outer], space.of[inner])) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(int[] outer, int[] inner) {
        if (outer.length > 16 * inner.length) {
            for (int cell : inner) {
                if (Arrays.binarySearch(outer, cell) < 0) {
                    return false;
                }
            }
            return true;
        }
        int i = 0;
        for (int cell : inner) {
            while (i < outer.length && outer[i] < cell) {
                i++;
            }
            if (i == outer.length || outer[i] != cell) {
                return false;
            }
        }
        return true;
    }

    static boolean disjoint(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return false;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return true;
    }

    /** The cutting a figure is audited in: its own breakdown's, or the joint table. */
    Space home(int figure) {
        int by = figures.get(figure).by();
        return spaces.stream().filter(s -> s.breakdown == JOINT || s.breakdown == by).findFirst()
                .orElse(spaces.getFirst());
    }

    /** The shown figures holding all of {@code cells} of {@code space} (nothing holds no cells). */
    List<Integer> shownHolding(Space space, int[] cells, BitSet hidden) {
        if (cells.length == 0) {
            return List.of();
        }
        List<Integer> holding = new ArrayList<>();
        for (int g : space.holders[cells[0]]) {
            if (!hidden.get(g) && contains(space.of[g], cells)) {
                holding.add(g);
            }
        }
        return holding;
    }

    // ---- what a figure says of some of its respondents, on its own

    /**
     * The range of answer {@code a}'s count (or the sum of numbers) that shown figure {@code c} alone allows
     * among {@code s} of its respondents: with 25 people of whom 6 chose it, 2 of them chose it 0 to 2 times.
     */
    double[] allowedBy(int c, long s, int a) {
        long n = size[c];
        if (in.answers() == Answers.NUMBER) {
            double[] total = total(c);
            return new double[] {Math.max(s * (double) in.min(), total[0] - (n - s) * (double) in.max()),
                    Math.min(s * (double) in.max(), total[1] - (n - s) * (double) in.min())};
        }
        long chose = values(c).chosen()[a];
        return new double[] {Math.max(0, s - (n - chose)), Math.min(s, chose)};
    }

    /** The range nothing narrows: {@code s} respondents of whom nothing is shown. */
    double[] unknown(long s) {
        return in.answers() == Answers.NUMBER ? new double[] {s * (double) in.min(), s * (double) in.max()}
                : new double[] {0, s};
    }

    /** What the viewer knows of a shown figure's answer {@code a}: its count, or its sum to within the mean's rounding. */
    double[] shown(int figure, int a) {
        return in.answers() == Answers.NUMBER ? total(figure) : new double[] {truth(figure, a), truth(figure, a)};
    }

    private double[] total(int figure) {
        Values v = values(figure);
        double mean = DisclosureControl.mean(v.total(), v.respondents());
        return new double[] {v.respondents() * (mean - 0.05), v.respondents() * (mean + 0.05)};
    }

    double truth(int figure, int a) {
        Values v = values(figure);
        return in.answers() == Answers.NUMBER ? v.total() : v.chosen()[a];
    }

    /** What the shown figures holding all of a set of {@code s} respondents allow of answer {@code a}, together. */
    double[] target(List<Integer> holding, long s, int a) {
        double[] target = unknown(s);
        for (int c : holding) {
            double[] allowed = allowedBy(c, s, a);
            target[0] = Math.max(target[0], allowed[0]);
            target[1] = Math.min(target[1], allowed[1]);
        }
        return target;
    }

    // ---- one round of the audit: what the current decision lets a viewer derive

    /**
     * A check that failed: {@code figure}'s answer {@code answer} can be narrowed (for a difference, of shown
     * {@code figure} less shown {@code inner}); {@code unknowns}: the cells of the linear program that showed it.
     */
    record Narrowed(int figure, int inner, double shortfall, @Nullable BitSet unknowns) {
    }

    /** The audit of one decision ({@code hidden}: the figures hidden). */
    final class Round {

        final BitSet hidden;
        /** Per node (a cutting's cell): the shown figure that is that cell alone, or -1 (an unknown). */
        final int[] pinnedBy;
        final int[] component;
        /** Per component, the unknowns of each part (offset by one: a group survey's whole is 0). */
        private final Map<Integer, int[]> partVariables = new HashMap<>();

        /** Per node: a shown figure that is that cell alone, or -1. */
        final int[] shownAlone;
        /** Figures that are the same people as a shown figure (or nobody): what anyone can know. */
        final BitSet known = new BitSet();

        Round(BitSet hidden) {
            this.hidden = hidden;
            int nodes = nodes();
            pinnedBy = new int[nodes];
            shownAlone = new int[nodes];
            Arrays.fill(pinnedBy, -1);
            Arrays.fill(shownAlone, -1);
            for (Space space : spaces) {
                for (int f = 0; f < figures.size(); f++) {
                    if (!hidden.get(f) && space.holds(f) && space.of[f].length == 1) {
                        shownAlone[space.offset + space.of[f][0]] = f;
                    }
                }
            }
            if (in.answers() != Answers.NUMBER) {
                // (a shown mean only bounds its sum, so a cell shown alone stays an unknown for numbers)
                System.arraycopy(shownAlone, 0, pinnedBy, 0, nodes);
            }
            BitSet shownClasses = new BitSet();
            for (int f = hidden.nextClearBit(0); f < figures.size(); f = hidden.nextClearBit(f + 1)) {
                shownClasses.set(same[f]);
            }
            for (int f = 0; f < figures.size(); f++) {
                if (!hidden.get(f) || size[f] == 0 || shownClasses.get(same[f])) {
                    known.set(f);
                }
            }
            component = IntStream.range(0, nodes).toArray();
            for (int f = 0; f < figures.size(); f++) {
                // the unknowns each constraint of Problem.figure joins
                int across = -1;
                for (Space space : spaces) {
                    if (!space.holds(f)) {
                        continue;
                    }
                    boolean ties = !hidden.get(f) || !fixedSizes(space);
                    int first = -1;
                    for (int c : space.of[f]) {
                        int node = space.offset + c;
                        if (!free(node)) {
                            continue;
                        }
                        if (first < 0) {
                            first = node;
                        } else if (ties) {
                            union(first, node);
                        }
                        if (hidden.get(f)) {
                            if (across < 0) {
                                across = node;
                            }
                            union(across, node);
                        }
                    }
                }
            }
            for (int node = 0; node < nodes; node++) {
                component[node] = find(component, node);
            }
        }

        private void union(int a, int b) {
            component[find(component, b)] = find(component, a);
        }

        /** Sizes are known in the cuttings of one breakdown; the joint table's cells have unknown sizes. */
        boolean fixedSizes(Space space) {
            return space.truth != null;
        }

        int variablesOf(int node) {
            Space space = spaceOf(node);
            return answers + (space.fixedSize(node - space.offset) ? 0 : 1);
        }

        Space spaceOf(int node) {
            Space found = spaces.getFirst();
            for (Space space : spaces) {
                if (space.offset <= node) {
                    found = space;
                }
            }
            return found;
        }

        boolean free(int node) {
            return pinnedBy[node] < 0;
        }

        private int[] partVariables(int root) {
            return partVariables.computeIfAbsent(root, r -> {
                int[] used = new int[in.groups() + 1];
                for (Space space : spaces) {
                    for (int c = 0; c < space.cells; c++) {
                        int node = space.offset + c;
                        if (free(node) && component[node] == r) {
                            used[space.part[c] + 1] += variablesOf(node);
                        }
                    }
                }
                return used;
            });
        }

        /**
         * Whether every answer of hidden figure {@code f} (of 1 to k - 1 respondents) ranges at least as far
         * as the shown figures holding its respondents allow, each alone: null if so; else by how much the
         * ranges fall short, all answers together.
         */
        @Nullable
        Narrowed check(int f) {
            List<Integer> holding = holding(f);
            List<double[]> targets = new ArrayList<>();
            boolean any = false;
            for (int a = 0; a < answers; a++) {
                double[] target = target(holding, size[f], a);
                double truth = truth(f, a);
                targets.add(target);
                any |= truth > target[0] + EPSILON || truth < target[1] - EPSILON;
            }
            if (!any) {
                return null;
            }
            Space home = home(f);
            int[] cells = Arrays.stream(home.of[f]).map(c -> c + home.offset).toArray();
            if (home.truth != null && home.breakdown > 0 && cells.length == 1) {
                Narrowed quick = withinGroup(f, home, cells[0] - home.offset, targets);
                if (quick != null) {
                    return quick.shortfall() > 0 ? quick : null;
                }
            }
            java.util.Set<Integer> components = new java.util.TreeSet<>();
            BitSet parts = new BitSet();
            for (Space space : spaces) {
                if (space.holds(f)) {
                    for (int c : space.of[f]) {
                        components.add(component[space.offset + c]);
                        parts.set(space.part[c] + 1);
                    }
                }
            }
            int variables = components.stream().mapToInt(r -> Arrays.stream(partVariables(r)).sum()).sum();
            if (variables > FIRST_VARIABLES && spaces.stream().allMatch(Round.this::fixedSizes)) {
                // first a small neighbourhood (see below; only where every cell's truth is known, which the joint
                // table's are not): most figures pass in it, at a fraction of the cost
                stats.neighbourhoods++;
                if (shortfall(f, cells, targets,
                        nodesIn(components, neighbourhood(parts, components, FIRST_VARIABLES))) == null) {
                    return null;
                }
            }
            // the joint table's cells have no known truth, so it is solved whole; separate cuttings only up to a
            // smaller size, as whole tables of 1,000 and more unknowns can run for minutes
            int whole = spaces.stream().allMatch(Round.this::fixedSizes) ? SEPARATE_VARIABLES : EXACT_VARIABLES;
            if (variables <= whole) {
                return shortfall(f, cells, targets, nodesIn(components, null));
            }
            // too large to solve whole: first a neighbourhood of the figure's own groups and the groups most tied to
            // them, every other cell at its true value — a table that agrees with everything shown, so what the
            // neighbourhood reaches the whole reaches too — then larger ones; failing those, hide more
            @Nullable
            Narrowed result = null;
            for (int budget = LOCAL_VARIABLES; budget <= whole; budget *= 2) {
                result = shortfall(f, cells, targets, nodesIn(components, neighbourhood(parts, components, budget)));
                if (result == null) {
                    return null;
                }
            }
            return result;
        }

        /** Other groups tried, at most, for undoing one move of a certificate. */
        private static final int PARTNERS = 64;

        /**
         * Hidden cell {@code c} (one group's row of a breakdown) checked without a linear program. It fails, with
         * the shortfall, if even its group's figure alone leaves too little room: that bound is a relaxation of
         * the linear program (everything else only narrows it further), so the program would fail too. It
         * passes if, for every bound it must reach, a <em>certificate</em> is found: a whole table that reaches
         * it, built from the true one by moving answers between the group's hidden rows and undoing each move in
         * another group's hidden rows of the same two items, then verified by {@link #verified} — every changed
         * cell within its bounds, every shown figure holding a changed cell still as shown, every figure the
         * cuttings share unchanged — so it is a table the linear program allows, and the program's range reaches
         * at least as far. Null when neither settles it (the linear program does).
         */
        private @Nullable Narrowed withinGroup(int f, Space space, int c, List<double[]> targets) {
            int total = java.util.Objects.requireNonNull(index.get(new Figure(space.part[c], 0, 0)));
            List<Integer> siblings = new ArrayList<>();
            for (int cell : space.of[total]) {
                if (cell != c && shownAlone[space.offset + cell] < 0) {
                    siblings.add(cell);
                }
            }
            double shortfall = 0;
            boolean certified = java.util.Objects.requireNonNull(additive.get(space));
            for (int a = 0; a < answers; a++) {
                double truth = space.truth(c)[a];
                for (int direction = 1; direction >= -1; direction -= 2) {
                    double need = direction * ((direction > 0 ? targets.get(a)[1] : targets.get(a)[0]) - truth);
                    if (need <= EPSILON) {
                        continue;
                    }
                    if (in.answers() != Answers.NUMBER && known.get(total)) {
                        // the group's figure fixes what its hidden cells hold together: c can hold at most all of
                        // it (and give up at most all it has for what the others have room for)
                        double room = direction > 0 ? space.truth(c)[answers] - truth : truth;
                        double others = 0;
                        for (int h : siblings) {
                            others += direction > 0 ? space.truth(h)[a] : space.truth(h)[answers] - space.truth(h)[a];
                        }
                        if (Math.min(room, others) < need - EPSILON) {
                            shortfall += need - Math.min(room, others);
                            continue;
                        }
                    }
                    certified = certified && certify(space, c, siblings, a, direction, need);
                }
            }
            if (shortfall > 0) {
                stats.refuted++;
                BitSet unknowns = new BitSet();
                siblings.forEach(cell -> unknowns.set(space.offset + cell));
                unknowns.set(space.offset + c);
                return new Narrowed(f, -1, shortfall, unknowns);
            }
            if (certified) {
                stats.certified++;
                return new Narrowed(f, -1, 0, null);
            }
            return null;
        }

        /**
         * Whether a verified table exists, found by moves from the true one, in which cell {@code c} holds
         * {@code need} more ({@code direction} 1) or less (-1) of answer {@code a} (of numbers: of their sum).
         */
        private boolean certify(Space space, int c, List<Integer> siblings, int a, int direction, double need) {
            Map<Integer, double[]> now = new HashMap<>();
            int[][] at = java.util.Objects.requireNonNull(cellAt.get(space));
            List<Integer> items = in.items().get(space.breakdown - 1);
            int item = items.indexOf(space.item[c]);
            Integer rowOfC = index.get(new Figure(DisclosureControl.WHOLE, space.breakdown, space.item[c]));
            double left = need;
            for (int h : siblings) {
                for (int b = 0; b < answers && left > EPSILON; b++) {
                    double[] move = new double[answers];
                    if (in.answers() == Answers.ONE) {
                        if (b == a) {
                            continue;
                        }
                        move[b] = -direction;
                    } else if (b > 0) {
                        break;
                    }
                    move[in.answers() == Answers.NUMBER ? 0 : a] = direction;
                    double[] back = negated(move);
                    double amount = Math.min(left, Math.min(room(space, c, move, now), room(space, h, back, now)));
                    if (amount <= EPSILON) {
                        continue;
                    }
                    Integer rowOfH = index.get(new Figure(DisclosureControl.WHOLE, space.breakdown, space.item[h]));
                    boolean undo = in.groups() > 0 && (known.get(java.util.Objects.requireNonNull(rowOfC))
                            || known.get(java.util.Objects.requireNonNull(rowOfH)));
                    double taken = undo ? 0 : amount;
                    int other = items.indexOf(space.item[h]);
                    for (int step = 1; undo && step < in.groups() && step <= PARTNERS
                            && taken < amount - EPSILON; step++) {
                        int q = (space.part[c] + step) % in.groups();
                        int qc = at[q + 1][item];
                        int qh = at[q + 1][other];
                        if (qc < 0 || qh < 0 || shownAlone[space.offset + qc] >= 0
                                || shownAlone[space.offset + qh] >= 0) {
                            continue;
                        }
                        double can = Math.min(amount - taken, Math.min(room(space, qc, back, now),
                                room(space, qh, move, now)));
                        if (can > EPSILON) {
                            apply(space, qc, back, can, now);
                            apply(space, qh, move, can, now);
                            taken += can;
                        }
                    }
                    if (taken > EPSILON) {
                        apply(space, c, move, taken, now);
                        apply(space, h, back, taken, now);
                        left -= taken;
                    }
                }
                if (left <= EPSILON) {
                    break;
                }
            }
            return left <= EPSILON && verified(space, now);
        }

        /**
         * Whether a table that differs from the true one in the cells of {@code now} (their answers) is one the
         * linear program allows: each changed cell's answers within its size, each shown figure holding a changed
         * cell recomputed (its true answers, which are its cells' sums, plus the changes) within what it shows,
         * and each figure that every cutting holds unchanged, as the cuttings not changed must agree with it.
         */
        private boolean verified(Space space, Map<Integer, double[]> now) {
            Map<Integer, double[]> change = new HashMap<>();
            for (Map.Entry<Integer, double[]> entry : now.entrySet()) {
                int cell = entry.getKey();
                double[] values = entry.getValue();
                if (shownAlone[space.offset + cell] >= 0 && in.answers() != Answers.NUMBER
                        || !allowed(space, cell, values)) {
                    return false;
                }
                for (int g : space.holders[cell]) {
                    double[] d = change.computeIfAbsent(g, x -> new double[answers]);
                    for (int a = 0; a < answers; a++) {
                        d[a] += values[a] - space.truth(cell)[a];
                    }
                }
            }
            for (Map.Entry<Integer, double[]> entry : change.entrySet()) {
                int g = entry.getKey();
                boolean shared = figures.get(g).by() == 0 && spaces.size() > 1;
                for (int a = 0; a < answers; a++) {
                    double d = entry.getValue()[a];
                    if (shared && Math.abs(d) > EPSILON) {
                        return false;
                    }
                    if (!hidden.get(g)) {
                        double[] shows = shown(g, a);
                        double value = truth(g, a) + d;
                        if (value < shows[0] - EPSILON || value > shows[1] + EPSILON) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** Whether a cell's answers are possible for its size (the bounds {@link Problem} gives a cell). */
        private boolean allowed(Space space, int cell, double[] values) {
            double n = space.truth(cell)[answers];
            double sum = 0;
            for (int a = 0; a < answers; a++) {
                double low = in.answers() == Answers.NUMBER ? in.min() * n : 0;
                double high = in.answers() == Answers.NUMBER ? in.max() * n : n;
                if (values[a] < low - EPSILON || values[a] > high + EPSILON) {
                    return false;
                }
                sum += values[a];
            }
            return switch (in.answers()) {
                case ONE -> Math.abs(sum - n) <= EPSILON;
                case ANY -> sum >= n - EPSILON;
                case NUMBER -> true;
            };
        }

        /** How far a cell can go along {@code move} and stay possible. */
        private double room(Space space, int cell, double[] move, Map<Integer, double[]> now) {
            double[] values = now.getOrDefault(cell, space.truth(cell));
            double n = space.truth(cell)[answers];
            double low = in.answers() == Answers.NUMBER ? in.min() * n : 0;
            double high = in.answers() == Answers.NUMBER ? in.max() * n : n;
            double room = Double.POSITIVE_INFINITY;
            double sum = 0;
            double total = 0;
            for (int a = 0; a < answers; a++) {
                if (move[a] > 0) {
                    room = Math.min(room, (high - values[a]) / move[a]);
                } else if (move[a] < 0) {
                    room = Math.min(room, (values[a] - low) / -move[a]);
                }
                sum += move[a];
                total += values[a];
            }
            if (in.answers() == Answers.ANY && sum < 0) {
                room = Math.min(room, (total - n) / -sum);
            }
            return Math.max(0, room);
        }

        private void apply(Space space, int cell, double[] move, double amount, Map<Integer, double[]> now) {
            double[] values = now.computeIfAbsent(cell, x -> space.truth(x).clone());
            for (int a = 0; a < answers; a++) {
                values[a] += move[a] * amount;
            }
        }

        /** The shown figures holding all of hidden figure f's respondents. */
        List<Integer> holding(int f) {
            List<Integer> holding = new ArrayList<>();
            for (Space space : spaces) {
                if (space.holds(f)) {
                    shownHolding(space, space.of[f], hidden).stream().filter(c -> !holding.contains(c))
                            .forEach(holding::add);
                }
            }
            return holding;
        }

        private BitSet nodesIn(java.util.Set<Integer> components, @Nullable BitSet parts) {
            BitSet nodes = new BitSet();
            for (Space space : spaces) {
                for (int c = 0; c < space.cells; c++) {
                    int node = space.offset + c;
                    if (free(node) && components.contains(component[node])
                            && (parts == null || parts.get(space.part[c] + 1))) {
                        nodes.set(node);
                    }
                }
            }
            return nodes;
        }

        /**
         * The parts (offset by one) of a neighbourhood of about {@code budget} unknowns: {@code parts}, then the
         * groups whose unknown cells share the most shown network figures with theirs.
         */
        private BitSet neighbourhood(BitSet parts, java.util.Set<Integer> components, int budget) {
            BitSet chosen = (BitSet) parts.clone();
            Map<Integer, Integer> ties = new HashMap<>();
            Map<Integer, Double> people = new HashMap<>();
            java.util.Set<Integer> visited = new java.util.HashSet<>();
            for (Space space : spaces) {
                for (int c = 0; c < space.cells; c++) {
                    if (!parts.get(space.part[c] + 1) || !free(space.offset + c)) {
                        continue;
                    }
                    for (int g : space.holders[c]) {
                        Figure network = figures.get(g);
                        // the figures of the whole network that tie groups together (everyone in it ties them all)
                        if (hidden.get(g) || network.part() != DisclosureControl.WHOLE
                                || (network.by() == 0 && space.breakdown != 0) || !visited.add(g)) {
                            continue;
                        }
                        for (int other : space.of[g]) {
                            int p = space.part[other] + 1;
                            if (!parts.get(p) && free(space.offset + other)) {
                                ties.merge(p, 1, Integer::sum);
                                people.merge(p, space.upper[other], Double::sum);
                            }
                        }
                    }
                }
            }
            int[] used = new int[in.groups() + 1];
            for (int root : components) {
                int[] ofComponent = partVariables(root);
                for (int p = 0; p < used.length; p++) {
                    used[p] += ofComponent[p];
                }
            }
            int total = chosen.stream().map(p -> used[p]).sum();
            List<Integer> ranked = new ArrayList<>(ties.keySet());
            ranked.sort(Comparator.comparing((Integer p) -> -java.util.Objects.requireNonNull(ties.get(p)))
                    .thenComparing(p -> -java.util.Objects.requireNonNull(people.get(p)))
                    .thenComparing(p -> p));
            for (int p : ranked) {
                if (total >= budget) {
                    break;
                }
                chosen.set(p);
                total += used[p];
            }
            return chosen;
        }

        private @Nullable Narrowed shortfall(int f, int[] cells, List<double[]> targets, BitSet unknowns) {
            long started = System.nanoTime();
            Problem problem = new Problem(this, unknowns);
            try {
                return shortfall(f, cells, targets, unknowns, problem);
            } finally {
                stats.solveNanos += System.nanoTime() - started;
            }
        }

        private @Nullable Narrowed shortfall(int f, int[] cells, List<double[]> targets, BitSet unknowns,
                Problem problem) {
            double shortfall = 0;
            for (int a = 0; a < answers; a++) {
                double truth = truth(f, a);
                double[] target = targets.get(a);
                int[] goal = problem.answerVars(cells, a);
                double constant = problem.constant(cells, a);
                if (truth < target[1] - EPSILON) {
                    stats.solves++;
                    stats.variables += problem.polytope.size();
                    shortfall += gap(target[1] - (problem.polytope.max(goal) + constant), target);
                }
                if (truth > target[0] + EPSILON) {
                    stats.solves++;
                    stats.variables += problem.polytope.size();
                    shortfall += gap(problem.polytope.min(goal) + constant - target[0], target);
                }
            }
            return shortfall > EPSILON ? new Narrowed(f, -1, shortfall, unknowns) : null;
        }

        /** How far a bound falls short of its target (the whole target's width if the solver found no optimum). */
        private static double gap(double shortBy, double[] target) {
            return Double.isNaN(shortBy) ? target[1] - target[0] + 1 : Math.max(0, shortBy);
        }

        /**
         * Differences of two shown figures, one inside the other, of 1 to k - 1 respondents: their answers are
         * known exactly, so they fail unless the shown figures holding them already say as much.
         */
        List<Narrowed> differences(int k) {
            List<Narrowed> found = new ArrayList<>();
            java.util.Set<List<Integer>> seen = new java.util.HashSet<>();
            for (Space space : spaces) {
                for (int inner = 0; inner < figures.size(); inner++) {
                    if (hidden.get(inner) || !space.holds(inner) || space.of[inner].length == 0) {
                        continue;
                    }
                    for (int outer : space.holders[space.of[inner][0]]) {
                        long d = size[outer] - size[inner];
                        if (hidden.get(outer) || d < 1 || d >= k || !contains(space.of[outer], space.of[inner])
                                || !seen.add(List.of(outer, inner))) {
                            continue;
                        }
                        List<Integer> holding = shownHolding(space, minus(space.of[outer], space.of[inner]), hidden);
                        for (int a = 0; a < answers; a++) {
                            double[] whole = shown(outer, a);
                            double[] part = shown(inner, a);
                            double[] target = target(holding, d, a);
                            if (whole[0] - part[1] > target[0] + EPSILON || whole[1] - part[0] < target[1] - EPSILON) {
                                found.add(new Narrowed(outer, inner, 0, null));
                                break;
                            }
                        }
                    }
                }
            }
            return found;
        }
    }

    /**
     * Sets of 1 to k - 1 respondents that some combination of shown figures names (any sum and difference of
     * them, not only of two one inside the other): a set of cells of one cutting, within one family (one
     * group's cells, or one breakdown answer's cells across groups), whose indicator lies in the span of the
     * shown figures' indicators. Its answers (for numbers: its sum, to within the means' rounding) are then
     * known, so it fails unless the shown figures holding it all already say as much (numbers and the joint
     * table, whose cells' truth is not known here, fail whenever named: conservative). Each failure names a
     * shown figure of the combination to hide: breakdown rows before a group's everyone, those before the
     * survey's, smallest first.
     *
     * <p>The span is tested with an orthonormal basis of it from a singular value decomposition (ojAlgo) of
     * each cutting's shown figures by cells: a set is named when the basis's rows over its cells add up to a
     * vector of squared length its number of cells. Subsets are enumerated only while their size (the cells'
     * upper bounds) stays under k.
     */
    List<Narrowed> combinations(Round round, int k) {
        long started = System.nanoTime();
        List<Narrowed> found = new ArrayList<>();
        for (Space space : spaces) {
            // a cutting's sets and their failures depend only on which of its own figures are hidden: when
            // those are as they were in an earlier round (another cutting's figure was hidden), reuse them
            BitSet hiddenHere = (BitSet) round.hidden.clone();
            hiddenHere.and(held(space));
            Combinations before = combinationsOf.get(space);
            if (before != null && before.hidden().equals(hiddenHere)) {
                found.addAll(before.failures());
                stats.named += before.named();
                continue;
            }
            int foundBefore = found.size();
            // a shown figure of one cell alone spans that cell's own direction: such cells (of k or more, so in
            // no set tried) are taken out, and the decomposition is of the other shown figures over the rest
            List<Integer> shown = new ArrayList<>();
            int[] alone = new int[space.cells];
            Arrays.fill(alone, -1);
            for (int f = 0; f < figures.size(); f++) {
                if (!round.hidden.get(f) && space.holds(f) && space.of[f].length == 1) {
                    alone[space.of[f][0]] = f;
                }
            }
            for (int f = 0; f < figures.size(); f++) {
                if (!round.hidden.get(f) && space.holds(f) && space.of[f].length > 1) {
                    shown.add(f);
                }
            }
            if (shown.isEmpty()) {
                combinationsOf.put(space, new Combinations(hiddenHere, List.of(), 0));
                continue;
            }
            Basis basis = new Basis(space, shown, alone);
            java.util.Set<BitSet> seen = new java.util.HashSet<>();
            for (int f = 0; f < figures.size(); f++) {
                Figure figure = figures.get(f);
                boolean family = figure.by() == 0 ? figure.part() != DisclosureControl.WHOLE || in.groups() == 0
                        : figure.part() == DisclosureControl.WHOLE;
                if (!family || !space.holds(f)) {
                    continue;
                }
                int[] cells = basis.spanned(Arrays.stream(space.of[f]).filter(c -> space.upper[c] < k).toArray());
                enumerate(space, basis, cells, 0, new BitSet(), 0, new double[basis.rank], k, seen, round, found);
            }
            stats.named += seen.size();
            combinationsOf.put(space, new Combinations(hiddenHere,
                    List.copyOf(found.subList(foundBefore, found.size())), seen.size()));
        }
        stats.combinationFailures += found.size();
        stats.combinationNanos += System.nanoTime() - started;
        return found;
    }

    /** A cutting's named sets' failures, for the figures of it that were hidden when they were found. */
    private record Combinations(BitSet hidden, List<Narrowed> failures, int named) {
    }

    private final Map<Space, Combinations> combinationsOf = new HashMap<>();
    private final Map<Space, BitSet> heldBy = new HashMap<>();

    /** The figures a cutting holds. */
    private BitSet held(Space space) {
        return heldBy.computeIfAbsent(space, s -> {
            BitSet held = new BitSet(figures.size());
            for (int f = 0; f < figures.size(); f++) {
                if (s.holds(f)) {
                    held.set(f);
                }
            }
            return held;
        });
    }

    private void enumerate(Space space, Basis basis, int[] cells, int from, BitSet set, double people, double[] sum,
            int k, java.util.Set<BitSet> seen, Round round, List<Narrowed> found) {
        for (int i = from; i < cells.length; i++) {
            int c = cells[i];
            double next = people + space.upper[c];
            if (next >= k) {
                continue;
            }
            set.set(c);
            double[] added = sum.clone();
            double length = 0;
            for (int r = 0; r < basis.rank; r++) {
                added[r] += basis.u[c][r];
                length += added[r] * added[r];
            }
            if (set.cardinality() - length < 1e-7 && seen.add((BitSet) set.clone())) {
                Narrowed failure = named(space, basis, set, (long) next, round);
                if (failure != null) {
                    found.add(failure);
                }
            }
            enumerate(space, basis, cells, i + 1, set, next, added, k, seen, round, found);
            set.clear(c);
        }
    }

    /** A named set's failure, if what the shown figures holding it allow is more than it is known to be. */
    private @Nullable Narrowed named(Space space, Basis basis, BitSet set, long people, Round round) {
        int[] cells = set.stream().toArray();
        boolean fails = space.truth == null || in.answers() == Answers.NUMBER;
        if (!fails) {
            List<Integer> holding = shownHolding(space, cells, round.hidden);
            for (int a = 0; a < answers && !fails; a++) {
                double value = 0;
                for (int c : cells) {
                    value += space.truth(c)[a];
                }
                double[] target = target(holding, people, a);
                fails = value > target[0] + EPSILON || value < target[1] - EPSILON;
            }
        }
        if (!fails) {
            return null;
        }
        double[] coefficients = basis.coefficients(cells);
        // the figures of cells alone take up what the others' combination holds of their cells
        Map<Integer, Double> ofAlone = new HashMap<>();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < coefficients.length; i++) {
            if (Math.abs(coefficients[i]) > 1e-6) {
                int g = basis.shown.get(i);
                candidates.add(g);
                for (int c : space.of[g]) {
                    if (basis.alone[c] >= 0) {
                        ofAlone.merge(basis.alone[c], coefficients[i], Double::sum);
                    }
                }
            }
        }
        ofAlone.forEach((g, coefficient) -> {
            if (Math.abs(coefficient) > 1e-6) {
                candidates.add(g);
            }
        });
        int hide = -1;
        for (int g : candidates) {
            if (hide < 0 || tier(g) < tier(hide) || tier(g) == tier(hide) && size[g] < size[hide]
                    || tier(g) == tier(hide) && size[g] == size[hide] && g < hide) {
                hide = g;
            }
        }
        return hide < 0 ? null : new Narrowed(hide, hide, 0, null);
    }

    /** Which shown figures go first when one must be hidden: breakdown rows, then a group's everyone, then the survey's. */
    int tier(int figure) {
        Figure f = figures.get(figure);
        return f.by() > 0 ? 0 : f.part() != DisclosureControl.WHOLE ? 1 : 2;
    }

    /**
     * The span of some shown figures' indicators over a cutting's cells not shown alone (those are spanned by
     * their own figures), from the singular value decomposition of cells by figures.
     */
    static final class Basis {

        final List<Integer> shown;
        /** Per cell, the shown figure that is that cell alone, or -1: such cells are left out of the basis. */
        final int[] alone;
        final int rank;
        /** Per cell, its row of the orthonormal basis (the left singular vectors of cells by figures). */
        final double[][] u;
        private final double[][] v;
        private final double[] singular;

        Basis(Space space, List<Integer> shown, int[] alone) {
            this.shown = shown;
            this.alone = alone;
            int[] row = new int[space.cells];
            int rows = 0;
            for (int c = 0; c < space.cells; c++) {
                row[c] = alone[c] >= 0 ? -1 : rows++;
            }
            org.ojalgo.matrix.store.R064Store matrix = org.ojalgo.matrix.store.R064Store.FACTORY.make(
                    Math.max(1, rows), shown.size());
            for (int j = 0; j < shown.size(); j++) {
                for (int c : space.of[shown.get(j)]) {
                    if (row[c] >= 0) {
                        matrix.set(row[c], j, 1);
                    }
                }
            }
            org.ojalgo.matrix.decomposition.SingularValue<Double> svd = org.ojalgo.matrix.decomposition.SingularValue.R064
                    .make(matrix);
            svd.decompose(matrix);
            rank = svd.getRank();
            double[] values = new double[Math.min(Math.max(1, rows), shown.size())];
            svd.getSingularValues(values);
            singular = Arrays.copyOf(values, rank);
            org.ojalgo.matrix.store.MatrixStore<Double> left = svd.getU();
            org.ojalgo.matrix.store.MatrixStore<Double> right = svd.getV();
            u = new double[space.cells][rank];
            for (int c = 0; c < space.cells; c++) {
                for (int r = 0; r < rank && row[c] >= 0; r++) {
                    u[c][r] = left.doubleValue(row[c], r);
                }
            }
            v = new double[shown.size()][rank];
            for (int j = 0; j < shown.size(); j++) {
                for (int r = 0; r < rank; r++) {
                    v[j][r] = right.doubleValue(j, r);
                }
            }
        }

        /**
         * Of some cells, those that a vector of the span over them alone (zero on every other cell) can be
         * non-zero on: only those can be in a named set of them. Such vectors x satisfy P x = x for P the
         * projection onto the span (U U^T) restricted to these cells, so they are the null space of I - P there.
         */
        int[] spanned(int[] cells) {
            int n = cells.length;
            if (n == 0 || rank == 0) {
                return new int[0];
            }
            org.ojalgo.matrix.store.R064Store m = org.ojalgo.matrix.store.R064Store.FACTORY.make(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double p = 0;
                    for (int r = 0; r < rank; r++) {
                        p += u[cells[i]][r] * u[cells[j]][r];
                    }
                    double value = (i == j ? 1 : 0) - p;
                    m.set(i, j, value);
                    m.set(j, i, value);
                }
            }
            org.ojalgo.matrix.decomposition.SingularValue<Double> svd = org.ojalgo.matrix.decomposition.SingularValue.R064
                    .make(m);
            svd.decompose(m);
            double[] values = new double[n];
            svd.getSingularValues(values);
            int significant = 0;
            while (significant < n && values[significant] > 1e-7) {
                significant++;
            }
            if (significant == n) {
                return new int[0];
            }
            org.ojalgo.matrix.store.MatrixStore<Double> right = svd.getV();
            List<Integer> spanned = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double weight = 0;
                for (int r = significant; r < n; r++) {
                    weight += right.doubleValue(i, r) * right.doubleValue(i, r);
                }
                if (weight > 1e-9) {
                    spanned.add(cells[i]);
                }
            }
            return ints(spanned);
        }

        /** The least-norm coefficients of the shown figures that add up to these cells' indicator. */
        double[] coefficients(int[] cells) {
            double[] y = new double[rank];
            for (int c : cells) {
                for (int r = 0; r < rank; r++) {
                    y[r] += u[c][r];
                }
            }
            double[] x = new double[shown.size()];
            for (int j = 0; j < x.length; j++) {
                for (int r = 0; r < rank; r++) {
                    x[j] += v[j][r] * y[r] / singular[r];
                }
            }
            return x;
        }
    }

    static double[] negated(double[] move) {
        return Arrays.stream(move).map(x -> -x).toArray();
    }

    static int[] minus(int[] outer, int[] inner) {
        return Arrays.stream(outer).filter(c -> Arrays.binarySearch(inner, c) < 0).toArray();
    }

    /** A linear program over some cells' answers (the unknowns); every other cell is a constant. */
    final class Problem {

        final Polytope polytope = new Polytope();
        final Round round;
        final BitSet unknowns;
        /** Per node: its size's variable (-1: a constant size), its answers' first variable (-1: constants). */
        final int[] sizeVar;
        final int[] firstAnswer;

        Problem(Round round, BitSet unknowns) {
            this.round = round;
            this.unknowns = unknowns;
            int nodes = nodes();
            sizeVar = new int[nodes];
            firstAnswer = new int[nodes];
            Arrays.fill(sizeVar, -1);
            Arrays.fill(firstAnswer, -1);
            for (int node = unknowns.nextSetBit(0); node >= 0; node = unknowns.nextSetBit(node + 1)) {
                cell(node);
            }
            for (int f = 0; f < figures.size(); f++) {
                figure(f);
            }
        }

        private void cell(int node) {
            Space space = round.spaceOf(node);
            int c = node - space.offset;
            double lower = space.lower[c];
            double upper = space.upper[c];
            int z = space.fixedSize(c) ? -1 : polytope.variable(lower, upper);
            sizeVar[node] = z;
            firstAnswer[node] = polytope.size();
            if (in.answers() == Answers.NUMBER) {
                int t = polytope.variable(Math.min(in.min() * lower, in.min() * upper),
                        Math.max(in.max() * lower, in.max() * upper));
                if (z >= 0) {
                    polytope.constrain(new int[] {t, z}, new double[] {1, -in.min()}, 0, Double.POSITIVE_INFINITY);
                    polytope.constrain(new int[] {t, z}, new double[] {1, -in.max()}, Double.NEGATIVE_INFINITY, 0);
                }
                return;
            }
            int[] vars = new int[answers];
            for (int a = 0; a < answers; a++) {
                vars[a] = polytope.variable(0, upper);
                if (z >= 0 && in.answers() == Answers.ANY) {
                    polytope.constrain(new int[] {vars[a], z}, new double[] {1, -1}, Double.NEGATIVE_INFINITY, 0);
                }
            }
            // choose one: the answers add up to the cell's size; choose any: each respondent chose one at least
            double high = in.answers() == Answers.ONE ? 0 : Double.POSITIVE_INFINITY;
            if (z >= 0) {
                int[] withSize = Arrays.copyOf(vars, answers + 1);
                withSize[answers] = z;
                double[] coefficients = ones(answers + 1);
                coefficients[answers] = -1;
                polytope.constrain(withSize, coefficients, 0, high);
            } else {
                polytope.constrain(vars, ones(answers), lower, in.answers() == Answers.ONE ? lower : high);
            }
        }

        /** A figure's size where sizes are unknowns; if shown, its answers; if hidden, the cuttings' agreement. */
        private void figure(int f) {
            boolean shown = !round.hidden.get(f);
            List<int[]> cuttings = new ArrayList<>();
            boolean anyUnknown = false;
            for (Space space : spaces) {
                if (space.holds(f)) {
                    int[] cells = Arrays.stream(space.of[f]).map(c -> c + space.offset).toArray();
                    cuttings.add(cells);
                    boolean unknown = anyUnknown(cells);
                    anyUnknown |= unknown;
                    if (unknown && !round.fixedSizes(space)) {
                        sizeIs(cells, size[f]);
                    }
                    if (unknown && shown) {
                        for (int a = 0; a < answers; a++) {
                            int[] vars = answerVars(cells, a);
                            double constant = constant(cells, a);
                            double[] known = shown(f, a);
                            polytope.constrain(vars, ones(vars.length), known[0] - constant, known[1] - constant);
                        }
                    }
                }
            }
            if (shown || !anyUnknown || cuttings.size() < 2) {
                return;
            }
            int[] first = cuttings.getFirst();
            for (int[] cells : cuttings.subList(1, cuttings.size())) {
                for (int a = 0; a < answers; a++) {
                    int[] vars = answerVars(cells, a);
                    int[] other = answerVars(first, a);
                    int[] both = Arrays.copyOf(vars, vars.length + other.length);
                    System.arraycopy(other, 0, both, vars.length, other.length);
                    double[] coefficients = ones(both.length);
                    Arrays.fill(coefficients, vars.length, both.length, -1);
                    double difference = constant(first, a) - constant(cells, a);
                    polytope.constrain(both, coefficients, difference, difference);
                }
            }
        }

        private void sizeIs(int[] cells, long n) {
            List<Integer> vars = new ArrayList<>();
            double known = 0;
            for (int node : cells) {
                if (sizeVar[node] >= 0) {
                    vars.add(sizeVar[node]);
                } else {
                    known += constantSize(node);
                }
            }
            polytope.constrain(ints(vars), ones(vars.size()), n - known, n - known);
        }

        private boolean anyUnknown(int[] nodes) {
            for (int node : nodes) {
                if (unknowns.get(node)) {
                    return true;
                }
            }
            return false;
        }

        int[] answerVars(int[] nodes, int a) {
            List<Integer> vars = new ArrayList<>();
            for (int node : nodes) {
                if (firstAnswer[node] >= 0) {
                    vars.add(firstAnswer[node] + a);
                }
            }
            return ints(vars);
        }

        /** The constant part of answer {@code a} over some cells: those that are not unknowns. */
        double constant(int[] nodes, int a) {
            double known = 0;
            for (int node : nodes) {
                if (firstAnswer[node] < 0) {
                    known += constantValue(node, a);
                }
            }
            return known;
        }

        /** A cell that is a shown figure alone has that figure's answers; any other known cell, its true ones. */
        private double constantValue(int node, int a) {
            int pinned = round.pinnedBy[node];
            if (pinned >= 0) {
                return in.answers() == Answers.NUMBER ? values(pinned).total() : truth(pinned, a);
            }
            Space space = round.spaceOf(node);
            return space.truth(node - space.offset)[a];
        }

        private double constantSize(int node) {
            int pinned = round.pinnedBy[node];
            if (pinned >= 0) {
                return size[pinned];
            }
            Space space = round.spaceOf(node);
            return space.truth != null ? space.truth(node - space.offset)[answers] : space.lower[node - space.offset];
        }
    }

    static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
