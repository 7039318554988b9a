package org.staffroom.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Conversions that read and write the same on H2 and PostgreSQL (both take OffsetDateTime). */
public final class Times {

    private Times() {
    }

    @org.springframework.lang.Contract("null -> null; !null -> !null")
    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime now(Clock clock) {
        return utc(clock.instant());
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
