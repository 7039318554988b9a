package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * A viewer who wants to know what a few named respondents answered, with every figure any viewer received
 * and the size of every cell of the joint table (each group's respondents with one answer to every breakdown
 * question): the strongest reading of "sizes published elsewhere". It writes every unknown count as a
 * variable, every shown figure as a constraint, and solves the linear programs itself with commons-math3's
 * simplex (not the solver the application uses), for:
 * <ul>
 * <li>every hidden figure of 1 to k - 1 respondents, and</li>
 * <li>every set of 1 to k - 1 respondents within one group, or within one breakdown answer across groups,
 * that the shown figures name — a combination of shown figures (a difference, say) —</li>
 * </ul>
 * the smallest and largest count of each answer (sum, for numbers) among them. A finding is a range narrower
 * than what the shown figures holding them all allow, each alone.
 */
final class Attacker {

    enum Kind {
        ONE, ANY, NUMBER
    }

    /** The respondents of a group (or -1: the whole survey) with one answer to every breakdown question. */
    record Cell(int part, int[] items, long size) {

        /** The cells of respondents given as their part followed by their breakdown items. */
        static List<Cell> of(List<int[]> respondents) {
            java.util.Map<List<Integer>, Long> sizes = new java.util.LinkedHashMap<>();
            for (int[] respondent : respondents) {
                sizes.merge(Arrays.stream(respondent).boxed().toList(), 1L, Long::sum);
            }
            return sizes.entrySet().stream().map(e -> new Cell(e.getKey().getFirst(),
                    e.getKey().subList(1, e.getKey().size()).stream().mapToInt(Integer::intValue).toArray(),
                    e.getValue()))
                    .toList();
        }
    }

    /**
     * A figure as a viewer receives it: a part (-1: the whole survey), everyone ({@code by} 0) or one item of
     * breakdown {@code by}; if shown, its respondents and its counts (choices) or mean (numbers).
     */
    record Received(int part, int by, int item, boolean shown, long respondents, long[] chosen, Double mean) {
    }

    private static final double EPSILON = 1e-6;

    private final Kind kind;
    private final int options;
    private final int min;
    private final int max;
    private final int k;
    private final List<Cell> cells;
    private final List<Received> rows;
    private final int answers;

    Attacker(Kind kind, int options, int min, int max, int k, List<Cell> cells, Collection<Received> received) {
        this.kind = kind;
        this.options = options;
        this.min = min;
        this.max = max;
        this.k = k;
        this.cells = cells.stream().filter(c -> c.size() > 0).toList();
        this.rows = List.copyOf(received);
        this.answers = kind == Kind.NUMBER ? 1 : options;
    }

    /** What the attacker learns beyond what it should: one line a narrowed count. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        List<Received> shown = rows.stream().filter(Received::shown).toList();
        for (Received row : rows) {
            long size = size(members(row));
            if (!row.shown() && size > 0 && size < k) {
                findings.addAll(narrowed(members(row), "hidden " + describe(row)));
            }
        }
        RealMatrix basis = rowSpace(shown);
        List<int[]> groupsOfCells = new ArrayList<>();
        cells.stream().mapToInt(Cell::part).distinct().forEach(p -> groupsOfCells.add(
                indexes(c -> c.part() == p)));
        int breakdowns = cells.isEmpty() ? 0 : cells.getFirst().items().length;
        for (int b = 0; b < breakdowns; b++) {
            int by = b;
            cells.stream().mapToInt(c -> c.items()[by]).distinct().forEach(item -> groupsOfCells.add(
                    indexes(c -> c.items()[by] == item)));
        }
        List<String> seen = new ArrayList<>();
        for (int[] family : groupsOfCells) {
            for (boolean[] set : subsets(family)) {
                if (!seen.contains(Arrays.toString(set)) && named(basis, set)) {
                    seen.add(Arrays.toString(set));
                    findings.addAll(narrowed(set, "a combination of shown figures " + describe(set)));
                }
            }
        }
        return findings;
    }

    private int[] indexes(java.util.function.Predicate<Cell> test) {
        return java.util.stream.IntStream.range(0, cells.size()).filter(i -> test.test(cells.get(i))).toArray();
    }

    /** Every set of 1 to k - 1 respondents made of some of these cells. */
    private List<boolean[]> subsets(int[] family) {
        List<boolean[]> sets = new ArrayList<>();
        collect(family, 0, new boolean[cells.size()], 0, sets);
        return sets;
    }

    private void collect(int[] family, int from, boolean[] set, long size, List<boolean[]> sets) {
        if (size > 0) {
            sets.add(set.clone());
        }
        for (int i = from; i < family.length; i++) {
            long next = size + cells.get(family[i]).size();
            if (next < k) {
                set[family[i]] = true;
                collect(family, i + 1, set, next, sets);
                set[family[i]] = false;
            }
        }
    }

    private boolean[] members(Received row) {
        boolean[] in = new boolean[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            in[c] = (row.part() < 0 || row.part() == cell.part())
                    && (row.by() == 0 || cell.items()[row.by() - 1] == row.item());
        }
        return in;
    }

    private long size(boolean[] set) {
        long size = 0;
        for (int c = 0; c < set.length; c++) {
            size += set[c] ? cells.get(c).size() : 0;
        }
        return size;
    }

    /** An orthonormal basis of the combinations of shown figures, as columns. */
    private RealMatrix rowSpace(List<Received> shown) {
        if (shown.isEmpty() || cells.isEmpty()) {
            return null;
        }
        double[][] matrix = new double[shown.size()][cells.size()];
        for (int r = 0; r < shown.size(); r++) {
            boolean[] in = members(shown.get(r));
            for (int c = 0; c < cells.size(); c++) {
                matrix[r][c] = in[c] ? 1 : 0;
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(matrix));
        int rank = svd.getRank();
        return rank == 0 ? null : svd.getV().getSubMatrix(0, cells.size() - 1, 0, rank - 1);
    }

    /** Whether the shown figures name this set: it is a combination of them. */
    private boolean named(RealMatrix basis, boolean[] set) {
        if (basis == null) {
            return false;
        }
        double[] vector = new double[set.length];
        for (int c = 0; c < set.length; c++) {
            vector[c] = set[c] ? 1 : 0;
        }
        double[] coordinates = basis.transpose().operate(vector);
        double[] projection = basis.operate(coordinates);
        double distance = 0;
        for (int c = 0; c < set.length; c++) {
            distance += (vector[c] - projection[c]) * (vector[c] - projection[c]);
        }
        return distance < 1e-9;
    }

    /** The counts of this set that the shown figures narrow beyond what those holding it allow, each alone. */
    private List<String> narrowed(boolean[] set, String what) {
        long s = size(set);
        List<String> findings = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            double[] allowed = kind == Kind.NUMBER ? new double[] {s * (double) min, s * (double) max}
                    : new double[] {0, s};
            for (Received row : rows) {
                if (row.shown() && holds(row, set)) {
                    double[] byRow = allowedBy(row, s, a);
                    allowed[0] = Math.max(allowed[0], byRow[0]);
                    allowed[1] = Math.min(allowed[1], byRow[1]);
                }
            }
            double low = solve(set, a, GoalType.MINIMIZE);
            double high = solve(set, a, GoalType.MAXIMIZE);
            if (low > allowed[0] + EPSILON || high < allowed[1] - EPSILON) {
                findings.add(String.format(Locale.ROOT, "%s (%d people): %s between %.2f and %.2f, where the figures "
                        + "holding them allow %.2f to %.2f", what, s, kind == Kind.NUMBER ? "their sum" : "answer " + a,
                        low, high, allowed[0], allowed[1]));
            }
        }
        return findings;
    }

    private boolean holds(Received row, boolean[] set) {
        boolean[] in = members(row);
        for (int c = 0; c < set.length; c++) {
            if (set[c] && !in[c]) {
                return false;
            }
        }
        return true;
    }

    private double[] allowedBy(Received row, long s, int a) {
        long n = row.respondents();
        if (kind == Kind.NUMBER) {
            double low = n * (row.mean() - 0.05);
            double high = n * (row.mean() + 0.05);
            return new double[] {Math.max(s * (double) min, low - (n - s) * (double) max),
                    Math.min(s * (double) max, high - (n - s) * (double) min)};
        }
        long chose = row.chosen()[a];
        return new double[] {Math.max(0, s - (n - chose)), Math.min(s, chose)};
    }

    /** The smallest or largest count of answer {@code a} in the set over every table agreeing with what is shown. */
    private double solve(boolean[] set, int a, GoalType goal) {
        int variables = cells.size() * answers;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            long size = cells.get(c).size();
            double[] sum = new double[variables];
            for (int x = 0; x < answers; x++) {
                double[] one = new double[variables];
                one[c * answers + x] = 1;
                sum[c * answers + x] = 1;
                if (kind == Kind.NUMBER) {
                    constraints.add(new LinearConstraint(one, Relationship.GEQ, size * (double) min));
                    constraints.add(new LinearConstraint(one, Relationship.LEQ, size * (double) max));
                } else {
                    constraints.add(new LinearConstraint(one, Relationship.LEQ, size));
                }
            }
            if (kind == Kind.ONE) {
                constraints.add(new LinearConstraint(sum, Relationship.EQ, size));
            } else if (kind == Kind.ANY) {
                constraints.add(new LinearConstraint(sum, Relationship.GEQ, size));
            }
        }
        for (Received row : rows) {
            if (!row.shown()) {
                continue;
            }
            boolean[] in = members(row);
            for (int x = 0; x < answers; x++) {
                double[] coefficients = new double[variables];
                for (int c = 0; c < cells.size(); c++) {
                    coefficients[c * answers + x] = in[c] ? 1 : 0;
                }
                if (kind == Kind.NUMBER) {
                    long n = row.respondents();
                    constraints.add(new LinearConstraint(coefficients, Relationship.GEQ, n * (row.mean() - 0.05)));
                    constraints.add(new LinearConstraint(coefficients, Relationship.LEQ, n * (row.mean() + 0.05)));
                } else {
                    constraints.add(new LinearConstraint(coefficients, Relationship.EQ, row.chosen()[x]));
                }
            }
        }
        double[] objective = new double[variables];
        for (int c = 0; c < cells.size(); c++) {
            objective[c * answers + a] = set[c] ? 1 : 0;
        }
        try {
            PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(min >= 0));
            return optimum.getValue();
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("the figures received contradict each other", e);
        }
    }

    private String describe(Received row) {
        return (row.part() < 0 ? "whole" : "group " + row.part()) + (row.by() == 0 ? " everyone" : " by " + row.by()
                + " = " + row.item());
    }

    private String describe(boolean[] set) {
        List<String> named = new ArrayList<>();
        for (int c = 0; c < set.length; c++) {
            if (set[c]) {
                named.add("group " + cells.get(c).part() + " " + Arrays.toString(cells.get(c).items()));
            }
        }
        return named.toString();
    }
}
