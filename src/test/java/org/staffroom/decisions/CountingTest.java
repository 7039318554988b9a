package org.staffroom.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.staffroom.decisions.Counting.Stance.ABSTAIN;
import static org.staffroom.decisions.Counting.Stance.AGREE;
import static org.staffroom.decisions.Counting.Stance.BLOCK;
import static org.staffroom.decisions.Counting.Stance.DISAGREE;
import static org.staffroom.decisions.Counting.Vote.NO;
import static org.staffroom.decisions.Counting.Vote.YES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.staffroom.decisions.Counting.ConsensusOutcome;
import org.staffroom.decisions.Counting.Majority;
import org.staffroom.decisions.Counting.RankedResult;

class CountingTest {

    static <T> List<T> times(int n, T value) {
        return Collections.nCopies(n, value);
    }

    static <T> List<T> all(List<? extends T>... parts) {
        List<T> list = new ArrayList<>();
        for (List<? extends T> part : parts) {
            list.addAll(part);
        }
        return list;
    }

    @Test
    void oneBlockStopsAConsensusHoweverManyAgree() {
        assertThat(Counting.consensus(all(times(20, AGREE), List.of(BLOCK))).outcome())
                .isEqualTo(ConsensusOutcome.BLOCKED);
        assertThat(Counting.consensus(all(times(20, AGREE), List.of(BLOCK))).blocks()).isEqualTo(1);
        assertThat(Counting.consensus(all(times(3, AGREE), times(2, ABSTAIN))).outcome())
                .isEqualTo(ConsensusOutcome.CONSENSUS);
        assertThat(Counting.consensus(all(times(3, AGREE), times(1, DISAGREE))).outcome())
                .isEqualTo(ConsensusOutcome.AGREED_WITH_DISAGREEMENT);
        assertThat(Counting.consensus(times(4, ABSTAIN)).outcome()).isEqualTo(ConsensusOutcome.NOT_AGREED);
        assertThat(Counting.consensus(List.of()).outcome()).isEqualTo(ConsensusOutcome.NOT_AGREED);
    }

    @Test
    void aSimpleMajorityNeedsMoreYesThanNoAndTwoThirdsMeansTwoThirdsOfThoseWhoTookASide() {
        assertThat(Counting.yesNo(all(times(5, YES), times(5, NO)), Majority.SIMPLE).carried()).as("a tie is lost")
                .isFalse();
        assertThat(Counting.yesNo(all(times(6, YES), times(5, NO), times(9, Counting.Vote.ABSTAIN)), Majority.SIMPLE)
                .carried())
                .as("abstentions do not count against").isTrue();
        assertThat(Counting.yesNo(all(times(6, YES), times(3, NO)), Majority.TWO_THIRDS).carried())
                .as("exactly two thirds").isTrue();
        assertThat(Counting.yesNo(all(times(6, YES), times(4, NO)), Majority.TWO_THIRDS).carried()).isFalse();
        assertThat(Counting.yesNo(times(3, Counting.Vote.ABSTAIN), Majority.TWO_THIRDS).carried()).isFalse();
        assertThat(Counting.yesNo(all(times(2, YES), times(1, NO), times(1, Counting.Vote.ABSTAIN)), Majority.SIMPLE))
                .isEqualTo(new Counting.YesNoResult(2, 1, 1, true));
    }

    @Test
    void choosingOneOrSeveralCountsEachChoiceAndReportsTies() {
        List<String> options = List.of("Rotas", "Breaks", "Pay");
        Counting.ChoiceResult one = Counting.chooseOne(options, List.of("Rotas", "Pay", "Pay", "Rotas", "Breaks"));
        assertThat(one.counts()).containsExactly(Map.entry("Rotas", 2), Map.entry("Breaks", 1), Map.entry("Pay", 2));
        assertThat(one.tie()).isTrue();
        assertThat(one.leaders()).containsExactly("Rotas", "Pay");
        Counting.ChoiceResult several = Counting.chooseSeveral(options,
                List.of(List.of("Rotas", "Pay"), List.of("Pay"), List.of(), List.of("Breaks", "Pay")));
        assertThat(several.leaders()).containsExactly("Pay");
        assertThat(several.counts().get("Pay")).isEqualTo(3);
        assertThat(Counting.chooseOne(options, List.of()).leaders()).isEmpty();
        assertThatThrownBy(() -> Counting.chooseSeveral(options, List.of(List.of("Pay", "Pay"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Counting.chooseOne(options, List.of("Holidays")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dotVotingAddsUpPointsAndRefusesBallotsThatSpendTooMany() {
        List<String> options = List.of("Caseloads", "Mileage", "Supervision");
        Counting.ChoiceResult result = Counting.dots(options, 5, List.of(
                Map.of("Caseloads", 3, "Mileage", 2), Map.of("Supervision", 5), Map.of("Caseloads", 4)));
        assertThat(result.counts()).containsExactly(Map.entry("Caseloads", 7), Map.entry("Mileage", 2),
                Map.entry("Supervision", 5));
        assertThat(result.leaders()).containsExactly("Caseloads");
        assertThatThrownBy(() -> Counting.dots(options, 5, List.of(Map.of("Caseloads", 4, "Mileage", 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Counting.dots(options, 5, List.of(Map.of("Caseloads", -1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankedChoiceTransfersBallotsRoundByRoundUntilAMajorityOfTheBallotsStillInPlay() {
        List<String> options = List.of("A", "B", "C");
        List<List<String>> ballots = all(times(4, List.of("A", "B")), times(3, List.of("B", "A")),
                times(2, List.of("C", "B")));
        RankedResult result = Counting.rankedChoice(options, ballots);
        assertThat(result.rounds()).hasSize(2);
        assertThat(result.rounds().get(0).counts()).containsExactly(Map.entry("A", 4), Map.entry("B", 3),
                Map.entry("C", 2));
        assertThat(result.rounds().get(0).eliminated()).containsExactly("C");
        assertThat(result.rounds().get(1).counts()).containsExactly(Map.entry("A", 4), Map.entry("B", 5));
        assertThat(result.winner()).isEqualTo("B");
    }

    @Test
    void exhaustedBallotsLeaveTheMajorityCountedOverTheBallotsStillInPlay() {
        List<String> options = List.of("A", "B", "C");
        // C's voters rank nobody else: once C is out their ballots are exhausted
        List<List<String>> ballots = all(times(4, List.of("A")), times(3, List.of("B")), times(2, List.of("C")));
        RankedResult result = Counting.rankedChoice(options, ballots);
        Counting.Round last = result.rounds().getLast();
        assertThat(last.exhausted()).isEqualTo(2);
        assertThat(last.counts()).containsExactly(Map.entry("A", 4), Map.entry("B", 3));
        assertThat(result.winner()).as("4 of the 7 ballots still in play").isEqualTo("A");
    }

    @Test
    void aTieForLastIsBrokenByEarlierRoundsAndOtherwiseEliminatedTogetherAndAFinalTieIsReported() {
        List<String> options = List.of("A", "B", "C", "D");
        // round 1: A 4, B 3, C 2, D 2 (tie for last, no earlier round) -> C and D go together
        List<List<String>> together = all(times(4, List.of("A")), times(3, List.of("B")), times(2, List.of("C", "B")),
                times(2, List.of("D", "B")));
        RankedResult first = Counting.rankedChoice(options, together);
        assertThat(first.rounds().getFirst().eliminated()).containsExactly("C", "D");
        assertThat(first.winner()).isEqualTo("B");

        // round 1: A 3, B 2, C 2, D 1 -> D out, and its ballot goes to B; round 2: A 3, B 3, C 2 -> C out, its
        // ballots exhausted; round 3: A 3, B 3 tie for last -> round 2 tied too, round 1 had B lower -> B out
        List<List<String>> backward = all(times(3, List.of("A")), times(2, List.of("B")), times(2, List.of("C")),
                times(1, List.of("D", "B")));
        RankedResult second = Counting.rankedChoice(options, backward);
        assertThat(second.rounds().get(1).counts()).containsExactly(Map.entry("A", 3), Map.entry("B", 3),
                Map.entry("C", 2));
        assertThat(second.rounds().get(2).counts()).containsExactly(Map.entry("A", 3), Map.entry("B", 3));
        assertThat(second.rounds().get(2).eliminated()).as("broken by the first round, where B had fewer")
                .containsExactly("B");
        assertThat(second.winner()).isEqualTo("A");

        RankedResult tie = Counting.rankedChoice(List.of("A", "B"),
                all(times(2, List.of("A")), times(2, List.of("B"))));
        assertThat(tie.winner()).isNull();
        assertThat(tie.tied()).containsExactly("A", "B");
        assertThat(Counting.rankedChoice(options, List.of()).winner()).isNull();
        assertThatThrownBy(() -> Counting.rankedChoice(options, List.of(List.of("A", "A"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quorumCountsEveryoneWhoTookPart() {
        assertThat(Counting.quorumMet(5, 10, 50)).isTrue();
        assertThat(Counting.quorumMet(4, 10, 50)).isFalse();
        assertThat(Counting.quorumMet(1, 3, 33)).isTrue();
        assertThat(Counting.quorumMet(0, 10, 0)).as("no quorum set").isTrue();
    }
}
