package org.staffroom.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.directory.DirectoryIndex.Clause;
import org.staffroom.directory.DirectoryIndex.Doc;
import org.staffroom.directory.DirectoryIndex.Field;
import org.staffroom.directory.DirectoryIndex.Word;
import org.staffroom.groups.Sector;

/**
 * Every listing at one moment, in name order: its id and sort key, and the postings of each field. The
 * listings' own word arrays are dropped once the postings are built; each word is kept once.
 */
final class DirectorySnapshot {

    /** The words of one field of every listing in the snapshot: sorted terms, each with its listings. */
    private record Postings(String[] terms, int[][] docs) {

        static Postings of(Map<String, IntList> unsorted) {
            TreeMap<String, IntList> byTerm = new TreeMap<>(unsorted);
            String[] terms = byTerm.keySet().toArray(String[]::new);
            int[][] lists = byTerm.values().stream().map(IntList::toArray).toArray(int[][]::new);
            return new Postings(terms, lists);
        }

        /** The listings with the word, or with a word that starts with it: every term up to the next prefix. */
        BitSet matching(Word word) {
            BitSet bits = new BitSet();
            String prefix = word.text();
            if (word.whole()) {
                int at = Arrays.binarySearch(terms, prefix);
                if (at >= 0) {
                    for (int doc : docs[at]) {
                        bits.set(doc);
                    }
                }
                return bits;
            }
            String next = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
            for (int t = DirectoryIndex.lowerBound(terms, prefix); t < terms.length
                    && terms[t].compareTo(next) < 0; t++) {
                for (int doc : docs[t]) {
                    bits.set(doc);
                }
            }
            return bits;
        }
    }

    final UUID[] ids;
    final String[] keys;
    final Map<Field, Postings> fields = new HashMap<>();
    final Map<Sector, BitSet> sectors = new HashMap<>();

    /**
     * Reads the directory twice: the names first, to fix each listing's position in name order, then
     * every listing one row at a time, adding its words to the postings. No listing's text is held
     * longer than its own row. A listing added between the two reads is left to the change rows; one
     * removed between them has no words, and the search reads results by id, which leaves it out.
     */
    DirectorySnapshot(JdbcClient jdbc) {
        record Name(UUID id, String key) {
        }
        List<Name> names = new ArrayList<>(jdbc.sql("select group_id, name from directory_listing")
                .query((rs, n) -> new Name(rs.getObject("group_id", UUID.class),
                        rs.getString("name").toLowerCase(Locale.ROOT)))
                .list());
        names.sort(Comparator.comparing(Name::key).thenComparing(Name::id));
        ids = new UUID[names.size()];
        keys = new String[names.size()];
        Map<UUID, Integer> positions = HashMap.newHashMap(names.size());
        for (int i = 0; i < ids.length; i++) {
            ids[i] = names.get(i).id();
            keys[i] = names.get(i).key();
            positions.put(ids[i], i);
        }
        names.clear();
        Map<Field, Map<String, IntList>> building = new HashMap<>();
        for (Field field : Field.values()) {
            building.put(field, new HashMap<>());
        }
        jdbc.sql("select group_id, name, sector, employer, professions, area, description from directory_listing")
                .query((java.sql.ResultSet rs) -> {
                    Integer at = positions.get(rs.getObject("group_id", UUID.class));
                    if (at == null) {
                        return;
                    }
                    Doc doc = DirectoryIndex.doc(rs, 0);
                    for (Field field : Field.values()) {
                        Map<String, IntList> byTerm = java.util.Objects.requireNonNull(building.get(field));
                        for (String term : doc.field(field)) {
                            byTerm.computeIfAbsent(term, t -> new IntList()).add(at);
                        }
                    }
                    sectors.computeIfAbsent(doc.sector(), sector -> new BitSet()).set(at);
                });
        for (Field field : Field.values()) {
            fields.put(field, Postings.of(java.util.Objects.requireNonNull(building.remove(field))));
        }
    }

    BitSet matching(List<Clause> clauses, @Nullable Sector sector) {
        BitSet bits = new BitSet();
        bits.set(0, ids.length);
        for (Clause clause : clauses) {
            BitSet anyAlternative = new BitSet();
            for (List<Word> words : clause.alternatives()) {
                BitSet all = new BitSet();
                all.set(0, ids.length);
                for (Word word : words) {
                    all.and(java.util.Objects.requireNonNull(fields.get(word.field())).matching(word));
                }
                anyAlternative.or(all);
            }
            bits.and(anyAlternative);
        }
        if (sector != null) {
            bits.and(sectors.getOrDefault(sector, new BitSet()));
        }
        return bits;
    }

    /** Whether the listing at {@code i} comes before {@code doc} in name order. */
    boolean before(int i, Doc doc) {
        int byKey = keys[i].compareTo(doc.sortKey());
        return byKey < 0 || (byKey == 0 && ids[i].compareTo(doc.id()) < 0);
    }

    /** A growable list of ints, so that postings of 100,000 listings are not boxed. */
    private static final class IntList {

        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
