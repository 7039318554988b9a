package org.staffroom.concerns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.concerns.Concerns.Row;
import org.staffroom.shared.DomainException;

/**
 * Reads a concern's row for the use cases that act on one: a concern the group sees, or also one still
 * waiting in the pool (anonymous, in a table of its own until released).
 */
@Component
class ConcernRows {

    static final String COLUMNS = """
            id, group_id, title, details, category, affected, author_id, author_tag, status, raised_on, edited_on,
            visible_cosigns, shared, released""";

    private final JdbcClient jdbc;

    ConcernRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A concern the group can see: not one still waiting in the pool. */
    Row find(UUID groupId, UUID concernId) {
        Row row = findWaitingToo(groupId, concernId);
        if (!row.released()) {
            throw new DomainException.NotFound();
        }
        return row;
    }

    /** Any concern of the group, also one waiting in the pool: for its author's receipt. */
    Row findWaitingToo(UUID groupId, UUID concernId) {
        return jdbc.sql("select " + COLUMNS + " from concerns_concern where id = ? and group_id = ?")
                .params(concernId, groupId).query(ConcernRows::row).optional()
                .or(() -> jdbc.sql("select " + WAITING_COLUMNS + " from concerns_waiting where id = ? and group_id = ?")
                        .params(concernId, groupId).query(ConcernRows::row).optional())
                .orElseThrow(DomainException.NotFound::new);
    }

    /** A waiting concern's columns as {@link #row} reads them: anonymous, no co-signatures, not released. */
    private static final String WAITING_COLUMNS = """
            id, group_id, title, details, category, affected, null author_id, author_tag, status, raised_on,
            edited_on, 0 visible_cosigns, false shared, false released""";

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getString("title"),
                rs.getString("details"), rs.getString("category"), rs.getString("affected"),
                rs.getObject("author_id", UUID.class), rs.getString("author_tag"), rs.getString("status"),
                rs.getObject("raised_on", LocalDate.class), rs.getObject("edited_on", LocalDate.class),
                rs.getInt("visible_cosigns"), rs.getBoolean("shared"), rs.getBoolean("released"));
    }
}
