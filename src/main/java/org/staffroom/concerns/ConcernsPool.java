package org.staffroom.concerns;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.concerns.ConcernEvents.ConcernRaised;
import org.springframework.stereotype.Component;
import org.staffroom.shared.AnonymousPool;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.AnonymousRows.Table;

/**
 * The concerns' anonymous acts between request and release (docs/anonymity.md, "The pool"): anonymous
 * concerns (in a table of their own until released), co-signatures (named ones too: they move the same count), anonymous comments, an anonymous
 * author's messages and anonymous information for a grievance with its line of the timeline. What they
 * change in place (an author editing or withdrawing through the receipt) is stamped by the job.
 * <ul>
 * <li>Co-signatures of a concern are released once {@value Concerns#BATCH} wait, and at the end of each
 * release period whatever waits; the count members see moves then.</li>
 * <li>Everything else waits for the end of the period; comments, messages and information then take the next
 * places in their conversations, in a random order, and the period's e-mail digest goes out.</li>
 * </ul>
 */
@Component
class ConcernsPool implements AnonymousPool {

    static final String NAME = "concerns";

    private static final List<Table> TABLES = List.of(new Table("concerns_waiting", "id"),
            new Table("concerns_cosign", "concern_id", "tag"), new Table("concerns_comment", "id"),
            new Table("concerns_message", "id"), new Table("concerns_grievance_info", "id"),
            new Table("concerns_grievance_event", "id"));

    /** The tables whose anonymous entries take a place in a conversation when released, and its parent column. */
    private static final List<List<String>> PLACED = List.of(List.of("concerns_comment", "concern_id"),
            List.of("concerns_comment", "grievance_id"), List.of("concerns_message", "concern_id"),
            List.of("concerns_grievance_info", "grievance_id"), List.of("concerns_grievance_event", "grievance_id"));

    private final JdbcClient jdbc;
    private final Concerns concerns;
    private final ConcernNotifications notifications;
    private final ApplicationEventPublisher events;

    ConcernsPool(JdbcClient jdbc, Concerns concerns, ConcernNotifications notifications,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.concerns = concerns;
        this.notifications = notifications;
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
                + (periodEnd ? "" : " having count(*) >= " + Concerns.BATCH)).query(UUID.class).list()) {
            released += concerns.releaseCosigns(concernId);
        }
        if (!periodEnd) {
            return released;
        }
        List<Concerns.Released> raised = concerns.releaseWaiting();
        released += raised.size();
        released += concerns.applyWaitingChanges();
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
