package org.staffroom.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * How one value travels in a backup: read from a column into JSON when writing, bound from JSON into a
 * column when loading. Values go as text any database reads back, so a backup of H2 restores into
 * PostgreSQL too.
 */
final class BackupValues {

    private BackupValues() {
    }

    /** One value as JSON: text for everything a JSON number or boolean cannot say exactly. */
    static void write(ArrayNode row, ResultSet rows, int i, int type, String typeName) throws SQLException {
        Object value = rows.getObject(i);
        if (value == null) {
            row.addNull();
            return;
        }
        if (withTimeZone(type, typeName.toLowerCase(Locale.ROOT))) {
            row.add(rows.getObject(i, OffsetDateTime.class).toString());
        } else if (type == Types.TIMESTAMP) {
            row.add(rows.getObject(i, LocalDateTime.class).toString());
        } else if (type == Types.DATE) {
            row.add(rows.getObject(i, LocalDate.class).toString());
        } else if (type == Types.TIME) {
            row.add(rows.getObject(i, LocalTime.class).toString());
        } else if (value instanceof byte[] bytes) {
            row.add(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Boolean bool) {
            row.add(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            row.add(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            row.add(decimal);
        } else if (value instanceof Double || value instanceof Float) {
            row.add(((Number) value).doubleValue());
        } else {
            row.add(rows.getString(i));
        }
    }

    /** Binds a value by the type of the column it goes into (the backup may come from the other database). */
    static void bind(PreparedStatement insert, int i, JsonNode value, int type, String typeName) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(i, type);
        } else if (typeName.equals("uuid")) {
            insert.setObject(i, UUID.fromString(value.asString()));
        } else if (withTimeZone(type, typeName)) {
            insert.setObject(i, OffsetDateTime.parse(value.asString()));
        } else if (type == Types.TIMESTAMP) {
            insert.setObject(i, LocalDateTime.parse(value.asString()));
        } else if (type == Types.DATE) {
            insert.setObject(i, LocalDate.parse(value.asString()));
        } else if (type == Types.TIME) {
            insert.setObject(i, LocalTime.parse(value.asString()));
        } else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                || type == Types.BLOB) {
            insert.setBytes(i, Base64.getDecoder().decode(value.asString()));
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
            insert.setBoolean(i, value.asBoolean());
        } else if (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT || type == Types.BIGINT) {
            insert.setLong(i, value.asLong());
        } else if (type == Types.NUMERIC || type == Types.DECIMAL) {
            insert.setBigDecimal(i, value.decimalValue());
        } else if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
            insert.setDouble(i, value.asDouble());
        } else {
            insert.setString(i, value.asString());
        }
    }

    /** A timestamp with its offset, however the driver names the type ({@code typeName} in lower case). */
    private static boolean withTimeZone(int type, String typeName) {
        return type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
                || typeName.startsWith("timestamp with time zone");
    }
}
