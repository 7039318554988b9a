package org.staffroom.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * The one rule for dates from forms and the API: ISO text (2026-12-01, or 2026-12-01T18:00 with a time) on a
 * day from {@link #EARLIEST} to {@link #LATEST}. Java parses years up to 999,999,999, which PostgreSQL cannot
 * store, a calendar file cannot hold and no meeting, deadline or incident at work needs; a fixed range keeps
 * the rule the same on every day, so nothing accepted today is refused when read back tomorrow.
 */
public final class DateInput {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private DateInput() {
    }

    /** A date that must be given; {@code invalidCode} names the message for text that is not a date. */
    public static LocalDate date(String field, String text, String invalidCode) {
        LocalDate date = optionalDate(field, text, invalidCode);
        if (date == null) {
            throw new InvalidInput(field, invalidCode);
        }
        return date;
    }

    /** A date, or null when the text is empty. */
    public static @Nullable LocalDate optionalDate(String field, @Nullable String text, String invalidCode) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return within(field, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, invalidCode);
        }
    }

    /** A date and time of day that must be given, like 2026-12-01T18:00. */
    public static LocalDateTime dateTime(String field, String text, String invalidCode) {
        try {
            LocalDateTime time = LocalDateTime.parse(text == null ? "" : text.strip());
            within(field, time.toLocalDate());
            return time;
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, invalidCode);
        }
    }

    /** A date already parsed (a cursor, a JSON body), held to the same range. */
    public static LocalDate within(String field, LocalDate date) {
        if (!inRange(date)) {
            throw new InvalidInput(field, "date.outOfRange", EARLIEST.toString(), LATEST.toString());
        }
        return date;
    }

    /** An instant already parsed, held to the same range (its day in UTC). */
    public static Instant within(String field, Instant instant) {
        within(field, LocalDate.ofInstant(instant, ZoneOffset.UTC));
        return instant;
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * Whether an instant falls within the range, with a day's margin each side for time zones: what readers
     * (calendar feeds) check before writing something stored before the rule held.
     */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LATEST.plusDays(2).atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC));
    }
}
