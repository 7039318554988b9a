package org.staffroom.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Every value of every application table, as text, for tests that look for what must never be stored. */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    /** Every row of every application table, each as its table's name followed by its values as text. */
    public static List<List<String>> allRows(JdbcClient jdbc) {
        List<List<String>> rows = new ArrayList<>();
        for (String table : tables(jdbc)) {
            jdbc.sql("select * from " + table).query(rs -> {
                List<String> row = new ArrayList<>();
                row.add(table);
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        row.add(new String(bytes, StandardCharsets.ISO_8859_1));
                    } else if (value != null) {
                        row.add(value.toString());
                    }
                }
                rows.add(row);
            });
        }
        return rows;
    }

    /**
     * {@link #allRows}, except that each session's attribute rows are joined to the session's own row: the
     * attributes are linked to the session's principal by the session id, so they must be judged together.
     */
    public static List<List<String>> allRowsWithSessionsJoined(JdbcClient jdbc) {
        List<List<String>> rows = new ArrayList<>();
        java.util.Map<String, List<String>> sessions = new java.util.LinkedHashMap<>();
        for (List<String> row : allRows(jdbc)) {
            String table = row.getFirst().toLowerCase(java.util.Locale.ROOT);
            if (table.equals("spring_session")) {
                sessions.computeIfAbsent(row.get(1), id -> new ArrayList<>(List.of("spring_session")))
                        .addAll(row.subList(1, row.size()));
            } else if (table.equals("spring_session_attributes")) {
                sessions.computeIfAbsent(row.get(1), id -> new ArrayList<>(List.of("spring_session")))
                        .addAll(row.subList(1, row.size()));
            } else {
                rows.add(row);
            }
        }
        rows.addAll(sessions.values());
        return rows;
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                select table_name from information_schema.tables
                where lower(table_schema) = 'public' and lower(table_type) in ('base table', 'table')""")
                .query(String.class).list();
    }

    public static List<String> allValues(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where lower(table_schema) = 'public' and lower(table_type) in ('base table', 'table')""")
                .query(String.class).list();
        List<String> values = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select * from " + table).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        values.add(new String(bytes, StandardCharsets.ISO_8859_1));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
            });
        }
        return values;
    }
}
