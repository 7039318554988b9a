package org.staffroom.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.groups.Sector;

/**
 * The directory's word index, held in memory by each server. A search is a few operations on bit sets over
 * the listings in name order, so it costs microseconds instead of database work that grows with the number
 * of groups.
 *
 * <p>The database stays the only truth; this is a cache of it, and servers share nothing but the database:
 * <ul>
 * <li>a <em>snapshot</em> ({@link DirectorySnapshot}) is built from every listing (in the background at
 * start-up; a search waits for it);
 * <li>every change to a listing also writes a row to {@code directory_change}; each server reads the rows
 * it has not seen (every second, and at once after its own changes) and keeps the changed listings in an
 * <em>overlay</em> that shadows the snapshot;
 * <li>when the overlay grows large, a new snapshot is built and the overlay starts again.
 * </ul>
 * Change rows are numbered by the database. A number skipped over is a transaction still running (or one
 * rolled back); it is looked for again for {@link #OVERLAP}, so a change is missed only by a listing
 * transaction that ran longer than that (they take milliseconds).
 */
final class DirectoryIndex {

    /** How long a change row missing from the sequence is looked for: longer than any listing transaction. */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    /** How many change rows before the highest are checked for ones still being written when a snapshot starts. */
    private static final int RECENT = 1000;
    private static final Duration WAIT_FOR_FIRST_BUILD = Duration.ofSeconds(60);
    private static final Comparator<Doc> ORDER = Comparator.comparing(Doc::sortKey).thenComparing(Doc::id);

    /** One listing as the index sees it: each field's words, sorted and distinct. */
    record Doc(UUID id, String sortKey, Sector sector, String[] any, String[] area, String[] employer,
            String[] professions) {

        static Doc of(UUID id, String name, Sector sector, String employer, String professions, String area,
                String description) {
            return new Doc(id, name.toLowerCase(Locale.ROOT), sector,
                    words(name, employer, professions, area, description), areaWords(area), words(employer),
                    words(professions));
        }

        private static String[] words(String... texts) {
            return SearchQuery.Terms.of(String.join(" ", texts)).stream().sorted().distinct().toArray(String[]::new);
        }

        /** The area's words, plus the postcode districts and postcode areas it names, as search looks for them. */
        private static String[] areaWords(String area) {
            return Stream.concat(Arrays.stream(words(area)), Postcodes.areaTokens(area).stream())
                    .sorted().distinct().toArray(String[]::new);
        }

        String[] field(Field field) {
            return switch (field) {
                case ANY -> any;
                case AREA -> area;
                case EMPLOYER -> employer;
                case PROFESSIONS -> professions;
            };
        }

        boolean matches(List<Clause> clauses, @Nullable Sector wanted) {
            if (wanted != null && sector != wanted) {
                return false;
            }
            return clauses.stream().allMatch(clause -> clause.alternatives().stream()
                    .anyMatch(words -> words.stream().allMatch(this::has)));
        }

        private boolean has(Word word) {
            String[] terms = field(word.field());
            int at = lowerBound(terms, word.text());
            return at < terms.length
                    && (word.whole() ? terms[at].equals(word.text()) : terms[at].startsWith(word.text()));
        }
    }

    enum Field {
        ANY, AREA, EMPLOYER, PROFESSIONS
    }

    /** A word of a search and the field it must start a word of, or be a whole word of. */
    record Word(Field field, String text, boolean whole) {

        static Word prefix(Field field, String text) {
            return new Word(field, text, false);
        }

        static Word whole(Field field, String text) {
            return new Word(field, text, true);
        }
    }

    /**
     * One part of a search, met by any of its alternatives, each a list of words that must all match: a
     * typed word and the words it stands for ("carer" or "care" and "worker").
     */
    record Clause(List<List<Word>> alternatives) {

        Clause {
            alternatives = alternatives.stream().map(List::copyOf).distinct().toList();
        }

        static Clause of(Word word) {
            return new Clause(List.of(List.of(word)));
        }
    }

    /** Matching listings in name order, as ids. */
    record Hits(List<UUID> ids, boolean more) {
    }

    /**
     * What a search reads, replaced whole on every change: the snapshot, the listings changed since it was
     * built (an empty Optional for one no longer listed), those still listed in order, the highest change
     * row applied, and the lower change rows not seen yet (with when they were first missed).
     */
    private record State(DirectorySnapshot snapshot, Map<UUID, Optional<Doc>> overlay, List<Doc> overlaid, long lastSeq,
            Map<Long, Instant> gaps) {

        State with(Map<UUID, Optional<Doc>> changed, long newLastSeq, Map<Long, Instant> newGaps) {
            Map<UUID, Optional<Doc>> overlay = new HashMap<>(this.overlay);
            overlay.putAll(changed);
            List<Doc> overlaid = overlay.values().stream().flatMap(Optional::stream).sorted(ORDER).toList();
            return new State(snapshot, Map.copyOf(overlay), overlaid, newLastSeq, Map.copyOf(newGaps));
        }
    }

    private record Change(long seq, UUID groupId) {
    }

    private final JdbcClient jdbc;
    private final int rebuildAfter;
    private final Clock clock;
    private final Object changes = new Object();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    @SuppressWarnings("NullAway.Init") // set by the first build, which every search waits for
    private volatile State state;

    /** @param rebuildAfter how many changed listings the overlay may hold before a new snapshot is built */
    DirectoryIndex(JdbcClient jdbc, int rebuildAfter, Clock clock) {
        this.jdbc = jdbc;
        this.rebuildAfter = rebuildAfter;
        this.clock = clock;
    }

    /**
     * Builds a snapshot of every listing, then applies what changed while it was being built. Change rows
     * numbered below the highest one but not visible yet belong to transactions still running (or rolled
     * back): they are remembered as gaps and looked for again.
     */
    void rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        try {
            long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from directory_change").query(Long.class).single();
            Set<Long> present = Set.copyOf(jdbc.sql("select seq from directory_change where seq > ? and seq <= ?")
                    .params(lastSeq - RECENT, lastSeq).query(Long.class).list());
            Map<Long, Instant> gaps = new HashMap<>();
            for (long seq = Math.max(1, lastSeq - RECENT + 1); seq <= lastSeq; seq++) {
                if (!present.contains(seq)) {
                    gaps.put(seq, clock.instant());
                }
            }
            DirectorySnapshot snapshot = new DirectorySnapshot(jdbc);
            synchronized (changes) {
                state = new State(snapshot, Map.of(), List.of(), lastSeq, Map.copyOf(gaps));
                readChanges();
            }
            built.complete(null);
        } catch (RuntimeException e) {
            if (!built.isDone()) {
                built.completeExceptionally(e);
            }
            throw e;
        } finally {
            rebuilding.set(false);
        }
    }

    /** Reads the change rows not applied yet, from every server, and applies the listings they name. */
    void readChanges() {
        State next;
        synchronized (changes) {
            State current = state;
            if (current == null) {
                return;
            }
            Instant now = clock.instant();
            Map<Long, Instant> gaps = new HashMap<>(current.gaps());
            gaps.values().removeIf(missedAt -> missedAt.plus(OVERLAP).isBefore(now));
            List<Change> rows = jdbc.sql("select seq, group_id from directory_change where seq > :last"
                    + (gaps.isEmpty() ? "" : " or seq in (:gaps)") + " order by seq")
                    .param("last", current.lastSeq())
                    .param("gaps", gaps.isEmpty() ? List.of(0L) : List.copyOf(gaps.keySet()))
                    .query(Change.class).list();
            long lastSeq = current.lastSeq();
            for (Change row : rows) {
                gaps.remove(row.seq());
                for (long missing = Math.max(lastSeq + 1, row.seq() - RECENT); missing < row.seq(); missing++) {
                    gaps.put(missing, now);
                }
                lastSeq = Math.max(lastSeq, row.seq());
            }
            if (rows.isEmpty() && gaps.equals(current.gaps())) {
                return;
            }
            next = current.with(load(rows.stream().map(Change::groupId).distinct().toList()), lastSeq, gaps);
            state = next;
        }
        if (next.overlay().size() > rebuildAfter) {
            Thread.ofVirtual().name("directory-index-rebuild").start(this::rebuild);
        }
    }

    static Doc doc(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return Doc.of(rs.getObject("group_id", UUID.class), rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                rs.getString("employer"), rs.getString("professions"), rs.getString("area"),
                rs.getString("description"));
    }

    /** The current listing, or its absence, of each group. */
    private Map<UUID, Optional<Doc>> load(Collection<UUID> groupIds) {
        Map<UUID, Optional<Doc>> found = new HashMap<>();
        groupIds.forEach(id -> found.put(id, Optional.empty()));
        List<UUID> ids = new ArrayList<>(groupIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                    select group_id, name, sector, employer, professions, area, description from directory_listing
                    where group_id in (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(DirectoryIndex::doc).list().forEach(doc -> found.put(doc.id(), Optional.of(doc)));
        }
        return found;
    }

    /** The listings matching every clause and the sector, in name order, from {@code offset}. */
    Hits search(List<Clause> clauses, @Nullable Sector sector, int offset, int limit) {
        State current = current();
        DirectorySnapshot snapshot = current.snapshot();
        BitSet fromSnapshot = current.snapshot().matching(clauses, sector);
        List<Doc> fromOverlay = current.overlaid().stream().filter(d -> d.matches(clauses, sector)).toList();
        int wanted = offset + limit + 1;
        List<UUID> merged = new ArrayList<>();
        int i = nextUnchanged(fromSnapshot, 0, current);
        int j = 0;
        while (merged.size() < wanted && (i >= 0 || j < fromOverlay.size())) {
            boolean takeSnapshot = j == fromOverlay.size()
                    || (i >= 0 && snapshot.before(i, fromOverlay.get(j)));
            if (takeSnapshot) {
                merged.add(snapshot.ids[i]);
                i = nextUnchanged(fromSnapshot, i + 1, current);
            } else {
                merged.add(fromOverlay.get(j++).id());
            }
        }
        boolean more = merged.size() > offset + limit;
        List<UUID> page = merged.subList(Math.min(offset, merged.size()), Math.min(offset + limit, merged.size()));
        return new Hits(List.copyOf(page), more);
    }

    /** The next matching snapshot listing that the overlay does not shadow. */
    private static int nextUnchanged(BitSet bits, int from, State current) {
        int i = bits.nextSetBit(from);
        while (i >= 0 && current.overlay().containsKey(current.snapshot().ids[i])) {
            i = bits.nextSetBit(i + 1);
        }
        return i;
    }

    private State current() {
        try {
            built.get(WAIT_FOR_FIRST_BUILD.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the directory index could not be built", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the directory index is not built yet", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return state;
    }

    /** Where {@code key} is, or would go, in a sorted array. */
    static int lowerBound(String[] sorted, String key) {
        int at = Arrays.binarySearch(sorted, key);
        return at >= 0 ? at : -at - 1;
    }
}
