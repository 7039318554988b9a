package org.staffroom.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.staffroom.groups.GroupEvents.GroupSaved;
import org.staffroom.groups.Sector;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Jobs;

/**
 * The public directory: its own copy of what listed groups show, and search over it. Search matches word
 * prefixes through {@link DirectoryIndex}, held in memory, after {@link SearchWords} has read postcodes, towns
 * and job words in the query; the page of results is then read by id.
 */
@Service
public class Directory {

    public static final int PAGE_SIZE = 20;

    public record Page(List<Listing> listings, boolean hasMore) {
    }

    private final JdbcClient jdbc;
    private final DirectoryIndex index;
    private final SearchWords searchWords = SearchWords.shipped();
    private final Jobs jobs;

    Directory(JdbcClient jdbc, Clock clock, @Value("${staffroom.directory.rebuild-after:2000}") int rebuildAfter,
            Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.index = new DirectoryIndex(jdbc, rebuildAfter, clock);
    }

    /** Builds the index in the background, so that start-up does not wait for it; searches do. */
    @EventListener(ApplicationReadyEvent.class)
    void buildIndex() {
        Thread.ofVirtual().name("directory-index-build").start(index::rebuild);
    }

    /** Picks up listings changed by other servers. */
    @Scheduled(fixedDelayString = "${staffroom.directory.read-changes-every:PT1S}")
    void readChanges() {
        index.readChanges();
    }

    /** Keeps old change rows for a day; every server has read them long before. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldChanges() {
        jobs.whenFree("directory-forget-old-changes",
                () -> jdbc.sql("delete from directory_change where changed_at < ?")
                        .param(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)).update());
    }

    /**
     * Keeps the public copy in step with the group: listed groups appear, hidden ones disappear. The change
     * row, in the same transaction, tells every server's index to look again at this group.
     */
    @EventListener
    @Transactional
    void onGroupSaved(GroupSaved group) {
        jdbc.sql("delete from directory_listing where group_id = ?").param(group.groupId()).update();
        if (group.listed()) {
            jdbc.sql("""
                    insert into directory_listing (group_id, name, employer, sector, professions, area, description)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(group.groupId(), group.name(), group.employer(), group.sector().name(),
                            group.professions(), group.area(), group.description())
                    .update();
        }
        jdbc.sql("insert into directory_change (group_id) values (?)").param(group.groupId()).update();
    }

    /** This server's own changes show in its searches as soon as they are committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void afterGroupSaved(GroupSaved group) {
        index.readChanges();
    }

    public Page search(SearchQuery query) {
        List<DirectoryIndex.Clause> clauses = new ArrayList<>();
        clauses.addAll(searchWords.clauses(query.q(), DirectoryIndex.Field.ANY));
        clauses.addAll(searchWords.clauses(query.area(), DirectoryIndex.Field.AREA));
        clauses.addAll(searchWords.clauses(query.employer(), DirectoryIndex.Field.EMPLOYER));
        clauses.addAll(searchWords.clauses(query.profession(), DirectoryIndex.Field.PROFESSIONS));
        DirectoryIndex.Hits hits = index.search(clauses, query.parsedSector(), query.page() * PAGE_SIZE, PAGE_SIZE);
        if (hits.ids().isEmpty()) {
            return new Page(List.of(), hits.more());
        }
        Map<UUID, Listing> found = new HashMap<>();
        jdbc.sql("""
                select group_id, name, employer, sector, professions, area, description
                from directory_listing where group_id in (:ids)""")
                .param("ids", hits.ids())
                .query(Directory::listing).list().forEach(listing -> found.put(listing.groupId(), listing));
        // a listing removed since the index last looked is left out rather than shown stale
        return new Page(hits.ids().stream().map(found::get).filter(Objects::nonNull).toList(), hits.more());
    }

    private static Listing listing(ResultSet rs, int row) throws SQLException {
        return new Listing(rs.getObject("group_id", UUID.class), rs.getString("name"), rs.getString("employer"),
                Sector.valueOf(rs.getString("sector")), rs.getString("professions"), rs.getString("area"),
                rs.getString("description"));
    }

    public Listing listing(UUID groupId) {
        return jdbc.sql("""
                select group_id, name, employer, sector, professions, area, description
                from directory_listing where group_id = ?""")
                .param(groupId)
                .query(Directory::listing).optional().orElseThrow(DomainException.NotFound::new);
    }
}
