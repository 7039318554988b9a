package org.staffroom.shared;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rewrites the waiting rows of an {@link AnonymousPool}: read and locked, deleted by key, and written again
 * in a random order. Written again, a row stands where the job put it (H2's row number and dump order,
 * PostgreSQL's place in the table) and carries the job's transaction number, not the request's; the rows the
 * job writes together all carry the same one.
 */
@Component
public class AnonymousRows {

    /** A table of waiting rows; {@code children} are tables whose rows go with their parent (by its key). */
    public record Table(String name, List<String> key, List<Child> children) {

        public Table(String name, String... key) {
            this(name, List.of(key), List.of());
        }

        public Table with(String child, String column) {
            List<Child> all = new ArrayList<>(children);
            all.add(new Child(child, column));
            return new Table(name, key, List.copyOf(all));
        }
    }

    /** A table whose {@code column} holds the (single-column) key of its parent's row. */
    public record Child(String name, String column) {
    }

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    AnonymousRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rewrites the rows of {@code table} that {@code where} selects (the waiting ones, in SQL), and their
     * children, in a random order, no longer fresh — when any of them is fresh: rows the job has written
     * together need no second pass.
     *
     * @return how many rows of {@code table} were rewritten
     */
    public int rewrite(Table table, String where, Object... params) {
        Integer fresh = jdbc.queryForObject("select count(*) from " + table.name() + " where (" + where + ") and fresh",
                Integer.class, params);
        if (fresh == null || fresh == 0) {
            return 0;
        }
        // locked: a request that changes a waiting row waits for this rewrite (it locks the pool first, too)
        List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table.name() + " where " + where
                + " for update", params);
        Map<Object, List<Map<String, Object>>> children = new HashMap<>();
        for (Child child : table.children()) {
            Set<Object> parents = rows.stream().map(r -> r.get(table.key().getFirst())).collect(Collectors.toSet());
            for (Map<String, Object> row : jdbc.queryForList("select * from " + child.name() + " where "
                    + child.column()
                    + " in (select " + table.key().getFirst() + " from " + table.name() + " where " + where + ")",
                    params)) {
                Object parent = row.get(child.column());
                if (parents.contains(parent)) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
                }
            }
            jdbc.batchUpdate("delete from " + child.name() + " where " + child.column() + " = ?",
                    parents.stream().map(p -> new Object[] {p}).toList());
        }
        // by key, not by `where` again: a row a request has written since the read above stays, still fresh
        jdbc.batchUpdate("delete from " + table.name() + " where "
                + String.join(" and ", table.key().stream().map(k -> k + " = ?").toList()),
                rows.stream().map(r -> table.key().stream().map(r::get).toArray()).toList());
        List<Map<String, Object>> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        shuffled.forEach(row -> row.put("fresh", false));
        insert(table.name(), shuffled);
        for (Child child : table.children()) {
            List<Map<String, Object>> inOrder = new ArrayList<>();
            shuffled.forEach(
                    parent -> inOrder.addAll(children.getOrDefault(parent.get(table.key().getFirst()), List.of())));
            insert(child.name(), inOrder);
        }
        return rows.size();
    }

    /**
     * Stamps the rows of {@code table} that a request changed in place since the last run (fresh, and already
     * released): written again by the job, they carry its transaction number, not the request's. They keep
     * their place, which the job gave them when they were released.
     */
    public int stamp(String table) {
        return jdbc.update("update " + table + " set fresh = false where fresh and released");
    }

    /** Locks a pool's row of {@code shared_anonymity_lock}, until the caller's transaction ends. */
    public void lock(String pool) {
        jdbc.queryForList("select pool from shared_anonymity_lock where pool = ? for update", String.class, pool);
    }

    private void insert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(rows.getFirst().keySet());
        jdbc.batchUpdate("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")",
                rows.stream().map(row -> columns.stream().map(row::get).toArray()).toList());
    }
}
