package org.staffroom.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.staffroom.directory.DirectoryIndex.Clause;
import org.staffroom.directory.DirectoryIndex.Field;
import org.staffroom.directory.DirectoryIndex.Word;

/**
 * Turns what a worker types into the clauses the index looks for. People search the way they speak: a full
 * postcode, their city, "carer"; groups describe themselves as "BS7" and "Care workers". So, on the query
 * only (the index keeps each listing's own words):
 * <ul>
 * <li>a full postcode becomes its district, and a district or postcode area matches as a whole word;
 * <li>a town in {@code directory/postcode-areas.csv} also matches districts in its postcode areas;
 * <li>a job word in {@code directory/job-synonyms.txt} also matches every other entry on its line.
 * </ul>
 * Every clause must match (AND across words); any alternative of a clause will do (OR within it).
 */
final class SearchWords {

    /** More words than anyone types into a search; the rest are ignored. */
    static final int MAX_WORDS = 8;
    /** Synonym words this short are abbreviations ("OT", "GP"): only the whole word means the job. */
    private static final int ABBREVIATION = 3;

    private final Map<String, List<String>> areaCodesByTown;
    private final Set<String> areaCodes;
    private final Map<String, List<List<String>>> synonyms;
    private final int longestPhrase;

    SearchWords(Map<String, List<String>> areaCodesByTown, Map<String, List<List<String>>> synonyms) {
        this.areaCodesByTown = Map.copyOf(areaCodesByTown);
        this.areaCodes = Set.copyOf(areaCodesByTown.values().stream().flatMap(List::stream).toList());
        this.synonyms = Map.copyOf(synonyms);
        this.longestPhrase = Stream.concat(areaCodesByTown.keySet().stream(), synonyms.keySet().stream())
                .mapToInt(phrase -> phrase.split(" ").length).max().orElse(1);
    }

    /** The towns and job words shipped with Staffroom. */
    static SearchWords shipped() {
        Map<String, List<String>> towns = new LinkedHashMap<>();
        List<String> rows = lines("directory/postcode-areas.csv");
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split(",");
            towns.computeIfAbsent(phrase(columns[1]), town -> new ArrayList<>())
                    .add(columns[0].strip().toLowerCase(Locale.ROOT));
        }
        Map<String, List<List<String>>> synonyms = new HashMap<>();
        for (String line : lines("directory/job-synonyms.txt")) {
            List<List<String>> equivalents = Arrays.stream(line.split(",")).map(SearchWords::phrase)
                    .map(phrase -> List.of(phrase.split(" "))).toList();
            equivalents.forEach(words -> synonyms.put(String.join(" ", words), equivalents));
        }
        return new SearchWords(towns, synonyms);
    }

    /** The clauses for the words of one part of a search, looked for in {@code field}. */
    List<Clause> clauses(String text, Field field) {
        boolean places = field == Field.ANY || field == Field.AREA;
        boolean jobs = field == Field.ANY || field == Field.PROFESSIONS;
        List<String> words = SearchQuery.Terms.of(places ? Postcodes.toDistricts(text) : text).stream()
                .limit(MAX_WORDS).toList();
        List<Clause> clauses = new ArrayList<>();
        int at = 0;
        while (at < words.size()) {
            // the longest town or job phrase starting here, else the word alone
            Clause clause = null;
            int length = Math.min(longestPhrase, words.size() - at);
            while (clause == null && length > 0) {
                clause = phrase(words.subList(at, at + length), field, places, jobs);
                length = clause == null ? length - 1 : length;
            }
            if (clause == null) {
                clause = word(words.get(at), field, places);
                length = 1;
            }
            clauses.add(clause);
            at += length;
        }
        return clauses;
    }

    /** A town or a job phrase as typed, or else nothing. */
    private @Nullable Clause phrase(List<String> typed, Field field, boolean places, boolean jobs) {
        String key = String.join(" ", typed);
        List<List<Word>> alternatives = new ArrayList<>();
        if (places && areaCodesByTown.containsKey(key)) {
            alternatives.add(typed.stream().map(word -> Word.prefix(field, word)).toList());
            areaCodesByTown.get(key)
                    .forEach(code -> alternatives.add(List.of(Word.whole(Field.AREA, Postcodes.areaWord(code)))));
        }
        if (jobs && synonyms.containsKey(key)) {
            alternatives.add(typed.stream().map(word -> Word.prefix(field, word)).toList());
            for (List<String> equivalent : synonyms.get(key)) {
                alternatives.add(equivalent.stream().map(word -> word.length() <= ABBREVIATION
                        ? Word.whole(field, word) : Word.prefix(field, word)).toList());
            }
        }
        return alternatives.isEmpty() ? null : new Clause(alternatives);
    }

    /** One word: a district or postcode area as a whole word, anything else as the start of a word. */
    private Clause word(String word, Field field, boolean places) {
        if (places && Postcodes.isDistrict(word)) {
            return new Clause(List.of(List.of(Word.whole(Field.AREA, word)), List.of(Word.whole(field, word))));
        }
        if (places && areaCodes.contains(word)) {
            return new Clause(List.of(List.of(Word.whole(Field.AREA, Postcodes.areaWord(word))),
                    List.of(Word.whole(field, word))));
        }
        return Clause.of(Word.prefix(field, word));
    }

    /** A town or job phrase as search words joined by single spaces: "Stoke-on-Trent" is "stoke on trent". */
    private static String phrase(String text) {
        return String.join(" ", SearchQuery.Terms.of(text));
    }

    /** The lines of a resource that are not blank or comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = SearchWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
