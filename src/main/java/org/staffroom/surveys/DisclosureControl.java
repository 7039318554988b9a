package org.staffroom.surveys;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which figures may be shown. A figure is a count of respondents (a group, a breakdown's row, a group's
 * breakdown row...) with the answers they gave; {@link Line}s say which figures together make up another
 * (the rows of a breakdown make up its total; the groups make up the network). The rules:
 * <ol>
 * <li>a figure of fewer than {@code k} respondents is hidden ({@link Reason#FEWER_THAN_K});</li>
 * <li>along every line whose total is shown, the hidden members are none, or at least two that together are
 * at least {@code k} respondents, so that subtracting the shown members from the total neither reveals a
 * group smaller than k nor pins down a single hidden figure (which could then be subtracted elsewhere);
 * where they are not, the smallest shown member is hidden too ({@link Reason#PROTECTS_ANOTHER});</li>
 * <li>a hidden figure that is the total of a line hides that line's members, so that it cannot be worked
 * out by adding them up.</li>
 * </ol>
 * Hiding only ever grows, so the rules settle. Together they mean that no two shown figures, one inside the
 * other, differ by between 1 and k - 1 respondents (see docs/disclosure-control.md for the argument).
 */
public final class DisclosureControl {

    public enum Reason {
        /** Fewer than k people. */
        FEWER_THAN_K,
        /** Hidden so that a hidden figure nearby cannot be worked out from it by subtraction. */
        PROTECTS_ANOTHER
    }

    /** The members' respondents together are exactly the total's (a partition). */
    public record Line(String total, List<String> members) {
    }

    private DisclosureControl() {
    }

    /**
     * @param sizes respondents behind each figure, by the figure's name
     * @return why each hidden figure is hidden; figures not in the map are shown
     */
    public static Map<String, Reason> decide(Map<String, Long> sizes, List<Line> lines, int k) {
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
