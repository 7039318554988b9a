package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.staffroom.surveys.DisclosureControl.Line;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * The disclosure-control rules, and an attacker who subtracts every pair of shown figures, one inside the
 * other, and every line's shown members from its shown total, over thousands of generated tables.
 */
class DisclosureControlTest {

    static final int K = 11;

    @Test
    void aBreakdownRowOfFewerThanKIsHiddenAndEnoughOthersWithItThatTheTotalDoesNotGiveItAway() {
        Map<String, Long> sizes = Map.of("all", 30L, "nurses", 20L, "assistants", 7L, "other", 3L);
        Map<String, Reason> hidden = DisclosureControl.decide(sizes,
                List.of(new Line("all", List.of("nurses", "assistants", "other"))), K);
        assertThat(hidden).containsEntry("assistants", Reason.FEWER_THAN_K).containsEntry("other", Reason.FEWER_THAN_K)
                .as("30 - 20 would give the 10 hidden people: nurses go too").containsEntry("nurses", Reason.PROTECTS_ANOTHER)
                .doesNotContainKey("all");

        Map<String, Reason> enough = DisclosureControl.decide(Map.of("all", 40L, "a", 20L, "b", 12L, "c", 5L, "d", 3L),
                List.of(new Line("all", List.of("a", "b", "c", "d"))), K);
        assertThat(enough).as("hiding the 12 makes 20 hidden together").containsOnlyKeys("b", "c", "d");
    }

    @Test
    void aHiddenTotalHidesWhatWouldAddUpToIt() {
        // a network of two groups: the small group's total is hidden, so its rows must not add up to it
        Map<String, Long> sizes = new HashMap<>(Map.of("network", 40L, "g1", 35L, "g2", 5L, "g1:nurse", 20L,
                "g1:other", 15L, "g2:nurse", 0L, "g2:other", 5L));
        sizes.putAll(Map.of("nurse", 20L, "other", 20L));
        List<Line> lines = List.of(new Line("network", List.of("g1", "g2")), new Line("g1", List.of("g1:nurse", "g1:other")),
                new Line("g2", List.of("g2:nurse", "g2:other")), new Line("network", List.of("nurse", "other")),
                new Line("nurse", List.of("g1:nurse", "g2:nurse")), new Line("other", List.of("g1:other", "g2:other")));
        Map<String, Reason> hidden = DisclosureControl.decide(sizes, lines, K);
        assertThat(hidden).as("g2 is too small; g1 then equals the network less g2, so it goes too")
                .containsKeys("g2", "g2:other", "g2:nurse", "g1", "g1:other", "g1:nurse");
        assertThat(hidden).doesNotContainKeys("network");
        attack(sizes, lines, hidden, atomsOfNetwork(), K);
    }

    private static Map<String, Set<String>> atomsOfNetwork() {
        return Map.of("network", Set.of("1n", "1o", "2n", "2o"), "g1", Set.of("1n", "1o"), "g2", Set.of("2n", "2o"),
                "g1:nurse", Set.of("1n"), "g1:other", Set.of("1o"), "g2:nurse", Set.of("2n"), "g2:other", Set.of("2o"),
                "nurse", Set.of("1n", "2n"), "other", Set.of("1o", "2o"));
    }

    @Test
    void anAttackerSubtractingShownFiguresNeverFindsAGroupSmallerThanK() {
        Random random = new Random(2026);
        int shownCells = 0;
        for (int round = 0; round < 3000; round++) {
            int k = List.of(5, 11, 20).get(round % 3);
            int groups = 1 + random.nextInt(6);
            int[] values = {1 + random.nextInt(5), 2 + random.nextInt(3)};
            // a network's groups, and two breakdowns of the same people (say job and contract), sharing the
            // groups' totals and the network's
            Map<String, Long> sizes = new LinkedHashMap<>();
            List<Line> lines = new ArrayList<>();
            List<Map<String, Set<String>>> families = new ArrayList<>();
            long[] people = new long[groups];
            for (int g = 0; g < groups; g++) {
                people[g] = random.nextInt(4) == 0 ? random.nextInt(k) : random.nextInt(6 * k);
                sizes.put("g" + g, people[g]);
            }
            sizes.put("all", java.util.Arrays.stream(people).sum());
            lines.add(new Line("all", java.util.stream.IntStream.range(0, groups).mapToObj(g -> "g" + g).toList()));
            for (int b = 0; b < values.length; b++) {
                // cells are the atoms of a breakdown: each figure of it is a set of cells
                Map<String, Set<String>> atoms = new HashMap<>();
                atoms.put("all", new HashSet<>());
                for (int g = 0; g < groups; g++) {
                    atoms.put("g" + g, new HashSet<>());
                    long left = people[g];
                    List<String> row = new ArrayList<>();
                    for (int v = 0; v < values[b]; v++) {
                        long size = v == values[b] - 1 ? left : (long) (left * random.nextDouble() * random.nextDouble());
                        left -= size;
                        String cell = "g" + g + ":b" + b + "=" + v;
                        sizes.put(cell, size);
                        row.add(cell);
                        atoms.put(cell, Set.of(cell));
                        atoms.get("g" + g).add(cell);
                        atoms.get("all").add(cell);
                        atoms.computeIfAbsent("b" + b + "=" + v, c -> new HashSet<>()).add(cell);
                    }
                    lines.add(new Line("g" + g, row));
                }
                List<String> columns = new ArrayList<>();
                for (int v = 0; v < values[b]; v++) {
                    String column = "b" + b + "=" + v;
                    columns.add(column);
                    List<String> members = new ArrayList<>();
                    for (int g = 0; g < groups; g++) {
                        members.add("g" + g + ":b" + b + "=" + v);
                    }
                    sizes.put(column, members.stream().mapToLong(sizes::get).sum());
                    lines.add(new Line(column, members));
                }
                lines.add(new Line("all", columns));
                families.add(atoms);
            }
            Map<String, Reason> hidden = DisclosureControl.decide(sizes, lines, k);
            shownCells += (int) sizes.keySet().stream().filter(f -> f.contains(":") && !hidden.containsKey(f)).count();
            for (Map<String, Set<String>> atoms : families) {
                attack(sizes, lines, hidden, atoms, k);
            }
        }
        assertThat(shownCells).as("the tables are not all hidden: the test would prove nothing").isGreaterThan(5000);
    }

    /**
     * Subtracts every pair of shown figures where one lies inside the other, and every line's shown members
     * from its shown total: each difference must be nobody or at least k people.
     */
    static void attack(Map<String, Long> sizes, List<Line> lines, Map<String, Reason> hidden,
            Map<String, Set<String>> atoms, int k) {
        List<String> shown = sizes.keySet().stream().filter(f -> !hidden.containsKey(f)).toList();
        for (String figure : shown) {
            assertThat(sizes.get(figure)).as(figure).isGreaterThanOrEqualTo(k);
        }
        for (String a : shown) {
            for (String b : shown) {
                if (!a.equals(b) && atoms.containsKey(a) && atoms.containsKey(b) && atoms.get(b).containsAll(atoms.get(a))) {
                    long difference = sizes.get(b) - sizes.get(a);
                    assertThat(difference == 0 || difference >= k).as(b + " - " + a + " = " + difference).isTrue();
                }
            }
        }
        for (Line line : lines) {
            if (!hidden.containsKey(line.total())) {
                long rest = sizes.get(line.total()) - line.members().stream().filter(m -> !hidden.containsKey(m))
                        .mapToLong(sizes::get).sum();
                assertThat(rest == 0 || rest >= k).as(line + " leaves " + rest).isTrue();
            }
        }
        // and by chains: whenever a line has one unknown left, work it out, then go round again
        Set<String> known = new HashSet<>(shown);
        boolean derived = true;
        while (derived) {
            derived = false;
            for (Line line : lines) {
                List<String> unknown = line.members().stream().filter(m -> !known.contains(m)).toList();
                if (known.contains(line.total()) && unknown.size() == 1) {
                    derived = known.add(unknown.getFirst()) || derived;
                } else if (!known.contains(line.total()) && unknown.isEmpty()) {
                    derived = known.add(line.total()) || derived;
                }
            }
        }
        assertThat(known).as("hidden figures worked out from shown ones").containsExactlyInAnyOrderElementsOf(shown);
    }
}
