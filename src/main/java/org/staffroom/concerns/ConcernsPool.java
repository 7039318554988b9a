package org.staffroom.concerns;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.concerns.ConcernEvents.ConcernRaised;
import org.staffroom.shared.AnonymousPool;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.AnonymousRows.Table;
import org.staffroom.shared.Times;

/**
 * The concerns' anonymous acts between request and release (docs/anonymity.md, "The pool"): anonymous
 * concerns (in a table of their own until released), co-signatures (named ones too: they move the same count), anonymous comments, an anonymous
 * author's messages and anonymous information for a grievance with its line of the timeline. What they
 * change in place (an author editing or withdrawing through the receipt) is stamped by the job.
 * <ul>
 * <li>Co-signatures of a concern are released once {@value #BATCH} wait, and at the end of each
 * release period whatever waits; the count members see moves then.</li>
 * <li>Everything else waits for the end of the period; comments, messages and information then take the next
 * places in their conversations, in a random order, and the period's e-mail digest goes out.</li>
 * </ul>
 */
@Component
class ConcernsPool implements AnonymousPool {

    static final String NAME = "concerns";
    /** Pending co-signatures become visible once this many have come in, or at the next hour. */
    static final int BATCH = 3;

    private static final List<Table> TABLES = List.of(new Table("concerns_waiting", "id"),
            new Table("concerns_cosign", "concern_id", "tag"), new Table("concerns_comment", "id"),
            new Table("concerns_message", "id"), new Table("concerns_grievance_info", "id"),
            new Table("concerns_grievance_event", "id"));

    /** The tables whose anonymous entries take a place in a conversation when released, and its parent column. */
    private static final List<List<String>> PLACED = List.of(List.of("concerns_comment", "concern_id"),
            List.of("concerns_comment", "grievance_id"), List.of("concerns_message", "concern_id"),
            List.of("concerns_grievance_info", "grievance_id"), List.of("concerns_grievance_event", "grievance_id"));

    private final JdbcClient jdbc;
    private final ConcernSettings settings;
    private final ConcernNotifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConcernsPool(JdbcClient jdbc, ConcernSettings settings, ConcernNotifications notifications,
            ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int mix(AnonymousRows rows) {
        int written = 0;
        for (Table table : TABLES) {
            // waiting concerns are all anonymous and all wait; the rest are rewritten with the named rows written
            // since the last run (see AnonymousPool)
            written += rows.rewrite(table, table.name().equals("concerns_waiting") ? "1 = 1" : "not released or fresh");
        }
        // a concern the group sees, parent of much, is not moved: what an anonymous author changed is stamped
        return written + rows.stamp("concerns_concern");
    }

    @Override
    public int release(boolean periodEnd) {
        int released = 0;
        for (UUID concernId : jdbc.sql("select concern_id from concerns_cosign where not released group by concern_id"
                + (periodEnd ? "" : " having count(*) >= " + BATCH)).query(UUID.class).list()) {
            released += releaseCosigns(concernId);
        }
        if (!periodEnd) {
            return released;
        }
        List<Released> raised = releaseWaiting();
        released += raised.size();
        released += applyWaitingChanges();
        raised.forEach(concern -> events.publishEvent(new ConcernRaised(concern.groupId(), concern.id())));
        for (List<String> placed : PLACED) {
            released += place(placed.get(0), placed.get(1));
        }
        notifications.announce();
        return released;
    }

    @Override
    public List<String> tables() {
        return Stream.concat(Stream.of("concerns_concern"), TABLES.stream().map(Table::name)).toList();
    }

    /**
     * Moves the waiting anonymous concerns into the group's list (at the end of a release period), in a random
     * order: written by the job, each takes a place that says only that it was released now.
     *
     * @return the concerns released, in the order they were moved
     */
    List<Released> releaseWaiting() {
        // ids are random, so their order is too
        List<Released> waiting = jdbc.sql("select id, group_id from concerns_waiting order by id")
                .query(Released.class).list();
        for (Released concern : waiting) {
            jdbc.sql("""
                    insert into concerns_concern (id, group_id, title, details, category, affected, author_tag,
                        receipt_lookup, receipt_hash, status, raised_on, edited_on, ended_on)
                    select id, group_id, title, details, category, affected, author_tag, receipt_lookup,
                        receipt_hash, status, raised_on, edited_on, ended_on
                    from concerns_waiting where id = ?""").param(concern.id()).update();
            jdbc.sql("delete from concerns_waiting where id = ?").param(concern.id()).update();
        }
        return waiting;
    }

    record Released(UUID id, UUID groupId) {
    }

    /**
     * Applies the anonymous authors' waiting edits and withdrawals (the mixing job, at the end of a release
     * period). A concern the organisers have since moved on from keeps what it said.
     *
     * @return how many concerns changed
     */
    int applyWaitingChanges() {
        int changed = jdbc.sql("""
                update concerns_concern set title = pending_title, details = pending_details,
                    category = pending_category, affected = pending_affected, edited_on = ?
                where pending_title is not null and status = 'OPEN'""").param(Times.today(clock)).update();
        changed += jdbc.sql("""
                update concerns_concern set status = 'WITHDRAWN', ended_on = ?
                where pending_withdrawal and status = 'OPEN'""").param(Times.today(clock)).update();
        jdbc.sql("""
                update concerns_concern set pending_title = null, pending_details = null, pending_category = null,
                    pending_affected = null, pending_withdrawal = false
                where pending_title is not null or pending_withdrawal""").update();
        return changed;
    }

    /**
     * Releases the concern's waiting co-signatures (in the mixing job): the count the group sees moves, and the
     * concern is shared by many once it reaches the group's threshold.
     *
     * @return how many were released
     */
    int releaseCosigns(UUID concernId) {
        int released = jdbc.sql("update concerns_cosign set released = true where concern_id = ? and not released")
                .param(concernId).update();
        int visible = jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and released")
                .param(concernId).query(Integer.class).single();
        jdbc.sql("select group_id from concerns_concern where id = ?").param(concernId).query(UUID.class).optional()
                .ifPresent(groupId -> jdbc
                        .sql("update concerns_concern set visible_cosigns = ?, shared = ? where id = ?")
                        .params(visible, visible >= settings.settings(groupId).threshold(), concernId).update());
        return released;
    }

    /** Gives each waiting entry of {@code table} the next place after its parent's, in a random order. */
    private int place(String table, String column) {
        record Waiting(UUID id, UUID parent) {
        }
        // ids are random, so their order is too
        List<Waiting> waiting = jdbc.sql("select id, " + column + " parent from " + table + " where not released and "
                + column + " is not null order by id").query(Waiting.class).list();
        for (Waiting entry : waiting) {
            jdbc.sql("update " + table + " set position = ?, released = true where id = ?")
                    .params(Positions.next(jdbc, table, column, entry.parent()), entry.id()).update();
        }
        return waiting.size();
    }
}
