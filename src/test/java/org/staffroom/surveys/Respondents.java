package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Figures;
import org.staffroom.surveys.DisclosureControl.Reason;
import org.staffroom.surveys.DisclosureControl.Values;

/**
 * The respondents to one question of a survey, with their breakdown answers: what the figures are made of, for
 * the application's decision, and the joint table's cells, for the attacker.
 *
 * @param groups the network's groups (0: a group's own survey)
 * @param items for each breakdown question, its items (options, then -1: not stated)
 */
record Respondents(Attacker.Kind kind, int options, int min, int max, int groups, List<List<Integer>> items,
        List<Respondent> list) {

    /** A respondent's group (-1 in a group's own survey), breakdown items, and choices or number. */
    record Respondent(int group, int[] items, int[] choices, int number) {
    }

    DisclosureControl.Answers answers() {
        return DisclosureControl.Answers.valueOf(kind.name());
    }

    /** Every figure, as the application reads it from its counts. */
    Figures figures(int k) {
        Map<Figure, Values> values = new LinkedHashMap<>();
        List<Integer> parts = new ArrayList<>(List.of(DisclosureControl.WHOLE));
        for (int g = 0; g < groups; g++) {
            parts.add(g);
        }
        for (int p : parts) {
            values.put(new Figure(p, 0, 0), values(p, 0, 0));
            for (int b = 1; b <= items.size(); b++) {
                for (int item : items.get(b - 1)) {
                    values.put(new Figure(p, b, item), values(p, b, item));
                }
            }
        }
        Map<DisclosureControl.Pair, Long> together = new HashMap<>();
        for (Respondent r : list) {
            for (int b = 0; b < items.size(); b++) {
                for (int c = b + 1; c < items.size(); c++) {
                    together.merge(new DisclosureControl.Pair(part(r), b + 1, r.items()[b], c + 1, r.items()[c]), 1L,
                            Long::sum);
                }
            }
        }
        return new Figures(answers(), options, min, max, k, groups, items, values, together);
    }

    private int part(Respondent r) {
        return groups == 0 ? DisclosureControl.WHOLE : r.group();
    }

    private Values values(int part, int by, int item) {
        long n = 0;
        long total = 0;
        long[] chosen = new long[kind == Attacker.Kind.NUMBER ? 0 : options];
        for (Respondent r : list) {
            if ((part == DisclosureControl.WHOLE || r.group() == part) && (by == 0 || r.items()[by - 1] == item)) {
                n++;
                total += r.number();
                for (int choice : r.choices()) {
                    chosen[choice]++;
                }
            }
        }
        return new Values(n, chosen, total);
    }

    /** The joint table's cells, with their true sizes: what the attacker is given. */
    List<Attacker.Cell> cells() {
        return Attacker.Cell.of(list.stream().map(r -> java.util.stream.IntStream.concat(
                java.util.stream.IntStream.of(part(r)), java.util.Arrays.stream(r.items())).toArray()).toList());
    }

    /** The figures as viewers receive them under a decision. */
    static List<Attacker.Received> received(Figures figures, Map<Figure, Reason> hidden) {
        List<Attacker.Received> received = new ArrayList<>();
        figures.values().forEach((figure, v) -> received.add(new Attacker.Received(figure.part(), figure.by(),
                figure.item(), !hidden.containsKey(figure), v.respondents(), v.chosen(),
                v.respondents() == 0 ? null : DisclosureControl.mean(v.total(), v.respondents()))));
        return received;
    }

    List<String> attack(int k, Map<Figure, Reason> hidden) {
        return new Attacker(kind, options, min, max, k, cells(), received(figures(k), hidden)).findings();
    }

    /**
     * A generated survey's question: a network of up to five groups (or a group's own survey), up to two
     * breakdown questions, answers skewed so that some rows are small; some cells are empty, one breakdown
     * answer is held by one group only, and one group holds all of another.
     */
    static Respondents generate(Random random) {
        Attacker.Kind kind = Attacker.Kind.values()[random.nextInt(3)];
        int options = kind == Attacker.Kind.NUMBER ? 0 : 2 + random.nextInt(3);
        int groups = random.nextInt(6);
        int breakdowns = random.nextInt(3);
        List<List<Integer>> items = new ArrayList<>();
        for (int b = 0; b < breakdowns; b++) {
            List<Integer> ofB = new ArrayList<>();
            int count = 2 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ofB.add(i);
            }
            ofB.add(-1);
            items.add(ofB);
        }
        List<Respondent> list = new ArrayList<>();
        int parts = Math.max(groups, 1);
        for (int g = 0; g < parts; g++) {
            int size = random.nextInt(4) == 0 ? random.nextInt(12) : 5 + random.nextInt(45);
            for (int n = 0; n < size; n++) {
                int[] at = new int[breakdowns];
                for (int b = 0; b < breakdowns; b++) {
                    List<Integer> ofB = items.get(b);
                    int options1 = ofB.size() - 1;
                    // skewed to the first answers; the last answer only in group 0; not stated now and then
                    int item = (int) (options1 * Math.pow(random.nextDouble(), 2));
                    if (item == options1 - 1 && g != 0) {
                        item = 0;
                    }
                    at[b] = random.nextInt(15) == 0 ? -1 : item;
                }
                list.add(new Respondent(groups == 0 ? -1 : g, at, choices(kind, options, random, g),
                        random.nextInt(11)));
            }
        }
        return new Respondents(kind, options, 0, 10, groups, items, list);
    }

    private static int[] choices(Attacker.Kind kind, int options, Random random, int group) {
        return switch (kind) {
            // group 1 holds every choice of the last option
            case ONE -> new int[] {group == 1 && random.nextInt(3) == 0 ? options - 1
                    : (int) ((options - 1) * Math.pow(random.nextDouble(), 1.5))};
            case ANY -> random.ints(0, options).limit(1 + random.nextInt(2)).distinct().toArray();
            case NUMBER -> new int[0];
        };
    }
}
