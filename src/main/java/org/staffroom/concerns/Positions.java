package org.staffroom.concerns;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Places in the conversations of a concern or a grievance (messages, comments, information, the timeline):
 * one writer at a time per concern or grievance, whose row is locked until the writer's transaction ends.
 * Anonymous entries take theirs only when they are released (see {@link ConcernsPool}), so their place says
 * nothing about when they were written.
 */
final class Positions {

    private Positions() {
    }

    /** The next place among {@code table}'s rows whose {@code column} is {@code parent}. */
    static int next(JdbcClient jdbc, String table, String column, UUID parent) {
        String parentTable = column.equals("concern_id") ? "concerns_concern" : "concerns_grievance";
        jdbc.sql("select id from " + parentTable + " where id = ? for update").param(parent).query(UUID.class).single();
        return jdbc.sql("select coalesce(max(position), 0) + 1 from " + table + " where " + column + " = ?")
                .param(parent).query(Integer.class).single();
    }
}
