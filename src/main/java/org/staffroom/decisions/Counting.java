package org.staffroom.decisions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How each kind of proposal is counted. Pure functions over ballots, so that every rule — ties, blocks,
 * exhausted ballots, two-thirds majorities — is tested on its own, apart from storage and secrecy.
 */
public final class Counting {

    private Counting() {
    }

    // ---- consensus check -------------------------------------------------------------------------------

    public enum Stance {
        AGREE, ABSTAIN, DISAGREE, BLOCK
    }

    public enum ConsensusOutcome {
        /** Everyone who took a side agreed. */
        CONSENSUS,
        /** Agreed, with disagreements recorded: nobody blocked. */
        AGREED_WITH_DISAGREEMENT,
        /** At least one block: the proposal does not go ahead, however many agree. */
        BLOCKED,
        /** Nobody agreed. */
        NOT_AGREED
    }

    public record ConsensusResult(Map<Stance, Integer> counts, ConsensusOutcome outcome) {

        public int blocks() {
            return counts.getOrDefault(Stance.BLOCK, 0);
        }
    }

    public static ConsensusResult consensus(Collection<Stance> ballots) {
        Map<Stance, Integer> counts = new LinkedHashMap<>();
        for (Stance stance : Stance.values()) {
            counts.put(stance, 0);
        }
        ballots.forEach(stance -> counts.merge(stance, 1, Integer::sum));
        ConsensusOutcome outcome;
        if (counts.getOrDefault(Stance.BLOCK, 0) > 0) {
            outcome = ConsensusOutcome.BLOCKED;
        } else if (counts.getOrDefault(Stance.AGREE, 0) == 0) {
            outcome = ConsensusOutcome.NOT_AGREED;
        } else if (counts.getOrDefault(Stance.DISAGREE, 0) == 0) {
            outcome = ConsensusOutcome.CONSENSUS;
        } else {
            outcome = ConsensusOutcome.AGREED_WITH_DISAGREEMENT;
        }
        return new ConsensusResult(counts, outcome);
    }

    // ---- yes / no / abstain ------------------------------------------------------------------------------

    public enum Vote {
        YES, NO, ABSTAIN
    }

    public enum Majority {
        /** More yes than no. */
        SIMPLE,
        /** Yes at least two thirds of yes and no together. */
        TWO_THIRDS
    }

    /** Abstentions count as taking part (for quorum) but not towards the majority. */
    public record YesNoResult(int yes, int no, int abstain, boolean carried) {
    }

    public static YesNoResult yesNo(Collection<Vote> ballots, Majority majority) {
        int yes = (int) ballots.stream().filter(v -> v == Vote.YES).count();
        int no = (int) ballots.stream().filter(v -> v == Vote.NO).count();
        int abstain = ballots.size() - yes - no;
        boolean carried = switch (majority) {
            case SIMPLE -> yes > no;
            case TWO_THIRDS -> yes > 0 && 3L * yes >= 2L * (yes + no);
        };
        return new YesNoResult(yes, no, abstain, carried);
    }

    // ---- choose one, choose several ------------------------------------------------------------------------

    /** Counts per option in the options' order, and the option or options with the most (several when tied). */
    public record ChoiceResult(Map<String, Integer> counts, List<String> leaders) {

        public boolean tie() {
            return leaders.size() > 1;
        }
    }

    public static ChoiceResult chooseOne(List<String> options, Collection<String> ballots) {
        return chooseSeveral(options, ballots.stream().map(List::of).toList());
    }

    /** Each ballot names any number of options, each at most once. */
    public static ChoiceResult chooseSeveral(List<String> options, Collection<? extends Collection<String>> ballots) {
        Map<String, Integer> counts = zeroes(options);
        for (Collection<String> ballot : ballots) {
            requireKnown(options, ballot);
            if (new HashSet<>(ballot).size() != ballot.size()) {
                throw new IllegalArgumentException("an option is chosen twice on one ballot");
            }
            ballot.forEach(option -> counts.merge(option, 1, Integer::sum));
        }
        return new ChoiceResult(counts, leaders(counts));
    }

    // ---- dot voting ----------------------------------------------------------------------------------------------

    /** Each ballot spreads up to {@code points} whole points over the options. */
    public static ChoiceResult dots(List<String> options, int points, Collection<Map<String, Integer>> ballots) {
        Map<String, Integer> totals = zeroes(options);
        for (Map<String, Integer> ballot : ballots) {
            requireKnown(options, ballot.keySet());
            int spent = 0;
            for (Map.Entry<String, Integer> entry : ballot.entrySet()) {
                if (entry.getValue() == null || entry.getValue() < 0) {
                    throw new IllegalArgumentException("points must be zero or more");
                }
                spent += entry.getValue();
                totals.merge(entry.getKey(), entry.getValue(), Integer::sum);
            }
            if (spent > points) {
                throw new IllegalArgumentException("a ballot spends more than " + points + " points");
            }
        }
        return new ChoiceResult(totals, leaders(totals));
    }

    // ---- ranked choice (instant run-off) ---------------------------------------------------------------------

    /**
     * One round of the count: each continuing option's ballots, the ballots with no continuing preference left
     * (exhausted), and what the round decided.
     */
    public record Round(Map<String, Integer> counts, int exhausted, List<String> eliminated, @Nullable String winner) {
    }

    /** The rounds in order; {@code winner} is null when the count ends in a tie between {@code tied}. */
    public record RankedResult(List<Round> rounds, @Nullable String winner, List<String> tied) {
    }

    /**
     * Instant run-off. Each round gives every ballot to its highest-ranked continuing option. An option with
     * more than half of the ballots still in play (exhausted ballots are not) wins. Otherwise the option with
     * the fewest is eliminated; a tie for fewest is broken by the earlier rounds (fewest in the latest round
     * where they differ), and options still tied are eliminated together — unless they are all that is left,
     * which is a tie.
     */
    public static RankedResult rankedChoice(List<String> options, Collection<List<String>> ballots) {
        for (List<String> ballot : ballots) {
            requireKnown(options, ballot);
            if (new HashSet<>(ballot).size() != ballot.size()) {
                throw new IllegalArgumentException("an option is ranked twice on one ballot");
            }
        }
        Set<String> continuing = new java.util.LinkedHashSet<>(options);
        List<Round> rounds = new ArrayList<>();
        while (true) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            continuing.forEach(option -> counts.put(option, 0));
            int exhausted = 0;
            for (List<String> ballot : ballots) {
                String choice = ballot.stream().filter(continuing::contains).findFirst().orElse(null);
                if (choice == null) {
                    exhausted++;
                } else {
                    counts.merge(choice, 1, Integer::sum);
                }
            }
            int inPlay = ballots.size() - exhausted;
            String winner = counts.entrySet().stream().filter(e -> 2L * e.getValue() > inPlay).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (winner == null && continuing.size() == 1 && inPlay > 0) {
                winner = continuing.iterator().next();
            }
            if (winner != null) {
                rounds.add(new Round(counts, exhausted, List.of(), winner));
                return new RankedResult(rounds, winner, List.of());
            }
            List<String> lowest = lowest(counts, rounds);
            if (lowest.size() == continuing.size()) {
                rounds.add(new Round(counts, exhausted, List.of(), null));
                return new RankedResult(rounds, null, List.copyOf(lowest));
            }
            rounds.add(new Round(counts, exhausted, lowest, null));
            lowest.forEach(continuing::remove);
        }
    }

    /** The options with the fewest ballots, narrowed by earlier rounds, latest first. */
    private static List<String> lowest(Map<String, Integer> counts, List<Round> earlier) {
        int fewest = counts.values().stream().min(Integer::compare).orElse(0);
        List<String> tied = counts.entrySet().stream().filter(e -> e.getValue() == fewest).map(Map.Entry::getKey)
                .toList();
        for (int r = earlier.size() - 1; r >= 0 && tied.size() > 1; r--) {
            Map<String, Integer> then = earlier.get(r).counts();
            int least = tied.stream().mapToInt(option -> then.getOrDefault(option, 0)).min().orElse(0);
            tied = tied.stream().filter(option -> then.getOrDefault(option, 0) == least).toList();
        }
        return tied;
    }

    // ---- quorum ----------------------------------------------------------------------------------------------------

    /** Whether at least {@code percent} per cent of the members took part (abstaining counts as taking part). */
    public static boolean quorumMet(int ballots, int members, int percent) {
        return percent <= 0 || 100L * ballots >= (long) percent * members;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private static Map<String, Integer> zeroes(List<String> options) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        options.forEach(option -> counts.put(option, 0));
        return counts;
    }

    private static List<String> leaders(Map<String, Integer> counts) {
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        if (most == 0) {
            return List.of();
        }
        return counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
    }

    private static void requireKnown(List<String> options, Collection<String> chosen) {
        for (String option : chosen) {
            if (!options.contains(option)) {
                throw new IllegalArgumentException("no such option: " + option);
            }
        }
    }
}
