package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Everything a viewer can know about counts they are not shown: the counts as variables, each shown figure as
 * a linear constraint on them, and how far a sum of them can range over every table that agrees with what
 * was shown. That range is a linear program — the relaxation tau-ARGUS's audit uses: fractional tables count
 * as possible, so a range here is never narrower than a viewer's — solved with ojAlgo's simplex.
 */
final class Polytope {

    static {
        // ojAlgo greets the first use with a dozen lines on standard output about this machine's profile
        System.setProperty("shut.up.ojAlgo", "true");
    }

    private record Constraint(int[] vars, double[] coefficients, double lower, double upper) {
    }

    private final List<double[]> bounds = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();

    /** A new unknown between {@code lower} and {@code upper}; its index. */
    int variable(double lower, double upper) {
        bounds.add(new double[] {lower, upper});
        return bounds.size() - 1;
    }

    int size() {
        return bounds.size();
    }

    /** {@code lower} ≤ Σ coefficients × variables ≤ {@code upper}. */
    void constrain(int[] vars, double[] coefficients, double lower, double upper) {
        constraints.add(new Constraint(vars, coefficients, lower, upper));
    }

    /** Infinite limits are no limits (ojAlgo takes limits as decimals). */
    private static <T extends org.ojalgo.optimisation.ModelEntity<T>> T bounded(T entity, double lower, double upper) {
        if (Double.isFinite(lower)) {
            entity.lower(lower);
        }
        if (Double.isFinite(upper)) {
            entity.upper(upper);
        }
        return entity;
    }

    /** The largest Σ variables can reach, or NaN if the solver finds no optimum. */
    double max(int[] vars) {
        return solve(vars, true);
    }

    /** The smallest Σ variables can reach, or NaN if the solver finds no optimum. */
    double min(int[] vars) {
        return solve(vars, false);
    }

    // a model of its own for each solve: ojAlgo's presolve changes the model it solves
    private double solve(int[] goal, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        List<Variable> variables = new ArrayList<>(bounds.size());
        for (double[] bound : bounds) {
            variables.add(bounded(model.addVariable(), bound[0], bound[1]));
        }
        for (Constraint c : constraints) {
            Expression expression = model.addExpression();
            for (int i = 0; i < c.vars().length; i++) {
                expression.add(variables.get(c.vars()[i]), c.coefficients()[i]);
            }
            bounded(expression, c.lower(), c.upper());
        }
        Expression objective = model.addExpression().weight(1);
        for (int v : goal) {
            objective.add(variables.get(v), 1);
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        return result.getState().isOptimal() ? result.getValue() : Double.NaN;
    }
}
