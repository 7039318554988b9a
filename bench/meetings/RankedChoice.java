import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.staffroom.decisions.Counting;

/**
 * Times Counting.rankedChoice on generated ballots, in memory: java -cp target/classes RankedChoice.java
 * BALLOTS OPTIONS [CSV]. Each ballot ranks from one to all options, drawn by popularity without
 * replacement (seeded, so every run counts the same ballots); close popularity makes many rounds. With a
 * CSV path it also writes the ballots as rows of decisions_ballot (voter, content) for the API measurement.
 * Prints "rounds|winner|min ms|median ms|max ms" over 15 timed counts after 5 warm-up counts.
 */
public class RankedChoice {

    public static void main(String[] args) throws IOException {
        int ballotCount = Integer.parseInt(args[0]);
        int optionCount = Integer.parseInt(args[1]);
        List<String> options = IntStream.range(0, optionCount).mapToObj(i -> "Option " + (i + 1)).toList();
        Random random = new Random(2026);
        double[] weight = IntStream.range(0, optionCount).mapToDouble(i -> 1.0 + 0.08 * i).toArray();
        List<List<String>> ballots = new ArrayList<>(ballotCount);
        List<String> contents = new ArrayList<>(ballotCount);
        for (int b = 0; b < ballotCount; b++) {
            int length = 1 + random.nextInt(optionCount);
            boolean[] used = new boolean[optionCount];
            List<String> ballot = new ArrayList<>(length);
            List<String> numbers = new ArrayList<>(length);
            for (int k = 0; k < length; k++) {
                double total = 0;
                for (int i = 0; i < optionCount; i++) {
                    total += used[i] ? 0 : weight[i];
                }
                double pick = random.nextDouble() * total;
                int chosen = -1;
                for (int i = 0; i < optionCount && chosen < 0; i++) {
                    if (!used[i]) {
                        pick -= weight[i];
                        if (pick <= 0) {
                            chosen = i;
                        }
                    }
                }
                if (chosen < 0) {
                    for (int i = optionCount - 1; chosen < 0; i--) {
                        chosen = used[i] ? -1 : i;
                    }
                }
                used[chosen] = true;
                ballot.add(options.get(chosen));
                numbers.add(String.valueOf(chosen));
            }
            ballots.add(ballot);
            contents.add(String.join(",", numbers));
        }
        if (args.length > 2) {
            byte[] voter = new byte[32];
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
                for (String content : contents) {
                    random.nextBytes(voter);
                    out.println(HexFormat.of().formatHex(voter) + "\t" + content);
                }
            }
        }
        Counting.RankedResult result = null;
        for (int i = 0; i < 5; i++) {
            result = Counting.rankedChoice(options, ballots);
        }
        long[] millis = new long[15];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            result = Counting.rankedChoice(options, ballots);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.println(result.rounds().size() + "|" + (result.winner() == null ? "tie" : result.winner()) + "|"
                + millis[0] + "|" + millis[millis.length / 2] + "|" + millis[millis.length - 1]);
    }
}
