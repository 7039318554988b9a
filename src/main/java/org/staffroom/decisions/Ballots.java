package org.staffroom.decisions;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.staffroom.decisions.Proposals.Ballot;
import org.staffroom.decisions.Proposals.Kind;
import org.staffroom.decisions.Proposals.Row;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * A ballot as it is stored: checked against its proposal and written as text (a name, or option numbers),
 * and read back to be counted by the rules of the proposal's kind.
 */
final class Ballots {

    private Ballots() {
    }

    /** The ballot checked against the proposal and written as text: a name, or option numbers. */
    static String content(Kind kind, Row row, int optionCount, Ballot ballot) {
        return switch (kind) {
            case CONSENSUS -> Proposals.parseEnum(Counting.Stance.class, ballot.answer(), "answer").name();
            case YES_NO -> Proposals.parseEnum(Counting.Vote.class, ballot.answer(), "answer").name();
            case CHOOSE_ONE -> {
                List<Integer> choices = indices(ballot.choices(), optionCount);
                if (choices.size() != 1) {
                    throw new InvalidInput("choices", "proposal.ballot.chooseOne");
                }
                yield join(choices);
            }
            case CHOOSE_SEVERAL, RANKED -> {
                List<Integer> choices = indices(ballot.choices(), optionCount);
                if (choices.isEmpty()) {
                    throw new InvalidInput("choices", kind == Kind.RANKED ? "proposal.ballot.rankNone"
                            : "proposal.ballot.chooseNone");
                }
                if (new HashSet<>(choices).size() != choices.size()) {
                    throw new InvalidInput("choices", "proposal.ballot.choices");
                }
                yield join(choices);
            }
            case DOTS -> {
                List<Integer> points = ballot.points() == null ? List.of() : ballot.points();
                if (points.size() != optionCount || points.stream().anyMatch(p -> p == null || p < 0)) {
                    throw new InvalidInput("points", "proposal.ballot.points", row.points());
                }
                long spent = points.stream().mapToLong(Integer::longValue).sum();
                if (spent > row.points()) {
                    throw new InvalidInput("points", "proposal.ballot.pointsOver", row.points(), spent);
                }
                yield join(points);
            }
        };
    }

    private static List<Integer> indices(@Nullable List<Integer> choices, int optionCount) {
        List<Integer> list = choices == null ? List.of() : choices;
        if (list.stream().anyMatch(i -> i == null || i < 0 || i >= optionCount)) {
            throw new InvalidInput("choices", "proposal.ballot.choices");
        }
        return list;
    }

    private static String join(List<Integer> numbers) {
        return String.join(",", numbers.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String content) {
        return content.isEmpty() ? List.of() : Arrays.stream(content.split(",")).map(Integer::parseInt).toList();
    }

    /** The result of the ballots cast, by the rules of the proposal's kind ({@link Counting}). */
    static Object count(Kind kind, Row row, List<String> options, List<String> contents) {
        return switch (kind) {
            case CONSENSUS -> Counting.consensus(contents.stream().map(Counting.Stance::valueOf).toList());
            case YES_NO -> Counting.yesNo(contents.stream().map(Counting.Vote::valueOf).toList(),
                    Counting.Majority.valueOf(row.majority()));
            case CHOOSE_ONE -> Counting.chooseOne(options, contents.stream().map(c -> options.get(split(c).getFirst()))
                    .toList());
            case CHOOSE_SEVERAL -> Counting.chooseSeveral(options, contents.stream()
                    .map(c -> split(c).stream().map(options::get).toList()).toList());
            case RANKED -> Counting.rankedChoice(options, contents.stream()
                    .map(c -> split(c).stream().map(options::get).toList()).toList());
            case DOTS -> Counting.dots(options, row.points(), contents.stream().map(c -> {
                List<Integer> points = split(c);
                Map<String, Integer> ballot = new LinkedHashMap<>();
                IntStream.range(0, options.size()).forEach(i -> ballot.put(options.get(i), points.get(i)));
                return ballot;
            }).toList());
        };
    }
}
