package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.staffroom.surveys.DisclosureControl.Line;
import org.staffroom.surveys.DisclosureControl.Reason;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Disclosure control over random networks shaped as results are: groups make up the network, a breakdown's
 * rows make up each group and the network, and each network row is the same row of every group. Whatever the
 * sizes, no shown figure is under k, and no subtraction of shown figures gives a number of people between 1
 * and k - 1.
 */
class DisclosureControlProperties {

    /** Respondents by group (outer) and breakdown row (inner). */
    record Network(List<List<Long>> cells) {
    }

    @Provide
    Arbitrary<Network> networks() {
        // many small numbers, the hard case; a row is often 0
        Arbitrary<Long> cell = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 4)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(5, 15)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(16, 60)));
        return Arbitraries.integers().between(1, 4).flatMap(rows ->
                cell.list().ofSize(rows).list().ofMinSize(1).ofMaxSize(6).map(Network::new));
    }

    @Property
    void noShownFigureIsSmallAndNoSubtractionOfShownFiguresIsEither(@ForAll("networks") Network network,
            @ForAll @IntRange(min = 5, max = 20) int k) {
        Map<String, Long> sizes = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        structure(network, sizes, lines);

        Map<String, Reason> hidden = DisclosureControl.decide(sizes, lines, k);

        sizes.forEach((figure, size) -> {
            if (!hidden.containsKey(figure)) {
                assertThat(size).as("shown figure %s", figure).isGreaterThanOrEqualTo(k);
            }
        });
        for (Line line : lines) {
            if (hidden.containsKey(line.total())) {
                assertThat(line.members()).as("members of hidden %s", line.total()).allMatch(hidden::containsKey);
                continue;
            }
            List<String> hiddenMembers = line.members().stream().filter(hidden::containsKey).toList();
            long shownTogether = line.members().stream().filter(m -> !hidden.containsKey(m)).mapToLong(sizes::get).sum();
            long difference = sizes.get(line.total()) - shownTogether;
            assertThat(difference).as("%s less its shown members", line.total()).satisfiesAnyOf(
                    d -> assertThat(d).isZero(), d -> assertThat(d).isGreaterThanOrEqualTo(k));
            assertThat(hiddenMembers.size()).as("hidden members of %s", line.total()).isNotEqualTo(1);
        }
    }

    @Property
    void figuresOfKOrMoreWithNothingSmallAroundThemAreAllShown(@ForAll @IntRange(min = 1, max = 6) int groups,
            @ForAll @IntRange(min = 5, max = 20) int k) {
        Network big = new Network(java.util.stream.IntStream.range(0, groups).mapToObj(g -> List.of((long) k, (long) k + 3)).toList());
        Map<String, Long> sizes = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        structure(big, sizes, lines);

        assertThat(DisclosureControl.decide(sizes, lines, k)).isEmpty();
    }

    /** The figures of a network's results and the lines between them. */
    private static void structure(Network network, Map<String, Long> sizes, List<Line> lines) {
        int rows = network.cells().getFirst().size();
        long networkTotal = 0;
        List<String> groupNames = new ArrayList<>();
        for (int g = 0; g < network.cells().size(); g++) {
            List<String> rowNames = new ArrayList<>();
            long groupTotal = 0;
            for (int r = 0; r < rows; r++) {
                String cell = "group " + g + " row " + r;
                sizes.put(cell, network.cells().get(g).get(r));
                rowNames.add(cell);
                groupTotal += network.cells().get(g).get(r);
            }
            sizes.put("group " + g, groupTotal);
            groupNames.add("group " + g);
            lines.add(new Line("group " + g, rowNames));
            networkTotal += groupTotal;
        }
        sizes.put("network", networkTotal);
        lines.add(new Line("network", groupNames));
        List<String> networkRows = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            long rowTotal = 0;
            List<String> ofRow = new ArrayList<>();
            for (int g = 0; g < network.cells().size(); g++) {
                rowTotal += network.cells().get(g).get(r);
                ofRow.add("group " + g + " row " + r);
            }
            sizes.put("network row " + r, rowTotal);
            networkRows.add("network row " + r);
            lines.add(new Line("network row " + r, ofRow));
        }
        lines.add(new Line("network", networkRows));
    }
}
