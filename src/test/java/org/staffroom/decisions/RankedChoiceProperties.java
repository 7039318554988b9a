package org.staffroom.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.staffroom.decisions.Counting.RankedResult;
import org.staffroom.decisions.Counting.Round;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The instant run-off count, over random elections: what must hold whatever the ballots. */
class RankedChoiceProperties {

    record Election(List<String> options, List<List<String>> ballots) {
    }

    @Provide
    Arbitrary<Election> elections() {
        Arbitrary<Integer> optionCount = Arbitraries.integers().between(1, 8);
        return optionCount.flatMap(n -> {
            List<String> options = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                options.add("Option " + (char) ('A' + i));
            }
            // a ballot ranks some of the options (possibly none), in a random order
            Arbitrary<List<String>> ballot = Combinators.combine(Arbitraries.integers().between(0, n),
                    Arbitraries.longs()).as((ranked, seed) -> {
                        List<String> order = new ArrayList<>(options);
                        Collections.shuffle(order, new Random(seed));
                        return List.copyOf(order.subList(0, ranked));
                    });
            return ballot.list().ofMaxSize(200).map(ballots -> new Election(options, ballots));
        });
    }

    @Property
    void everyBallotIsCountedOnceInEveryRound(@ForAll("elections") Election election) {
        RankedResult result = Counting.rankedChoice(election.options(), election.ballots());

        for (Round round : result.rounds()) {
            int counted = round.counts().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(counted + round.exhausted()).isEqualTo(election.ballots().size());
        }
    }

    @Property
    void theWinnerHasMoreThanHalfOfTheBallotsStillInPlayOrIsTheLastOneStanding(@ForAll("elections") Election election) {
        RankedResult result = Counting.rankedChoice(election.options(), election.ballots());
        Round last = result.rounds().getLast();

        if (result.winner() != null) {
            int inPlay = election.ballots().size() - last.exhausted();
            assertThat(election.options()).contains(result.winner());
            assertThat(2L * last.counts().get(result.winner()) > inPlay || last.counts().size() == 1).isTrue();
            assertThat(result.tied()).isEmpty();
        } else {
            assertThat(result.tied()).isNotEmpty();
            assertThat(result.tied().stream().map(last.counts()::get).distinct()).hasSize(1);
        }
    }

    @Property
    void anEliminatedOptionNeverComesBackAndTheCountEnds(@ForAll("elections") Election election) {
        RankedResult result = Counting.rankedChoice(election.options(), election.ballots());

        Set<String> out = new HashSet<>();
        for (Round round : result.rounds()) {
            assertThat(round.counts().keySet()).noneMatch(out::contains);
            out.addAll(round.eliminated());
        }
        assertThat(result.rounds().size()).isLessThanOrEqualTo(election.options().size());
    }

    @Property
    void anOptionFirstOnMostBallotsWinsInTheFirstRound(@ForAll("elections") Election election) {
        for (String option : election.options()) {
            long first = election.ballots().stream().filter(b -> !b.isEmpty() && b.getFirst().equals(option)).count();
            if (2 * first > election.ballots().size()) {
                RankedResult result = Counting.rankedChoice(election.options(), election.ballots());
                assertThat(result.winner()).isEqualTo(option);
                assertThat(result.rounds()).hasSize(1);
            }
        }
    }

    @Property
    void theOrderTheBallotsCameInChangesNothing(@ForAll("elections") Election election, @ForAll long seed) {
        List<List<String>> shuffled = new ArrayList<>(election.ballots());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(Counting.rankedChoice(election.options(), shuffled))
                .isEqualTo(Counting.rankedChoice(election.options(), election.ballots()));
    }
}
