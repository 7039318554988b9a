package org.staffroom.support;

import java.util.List;

/** What an attacker reads from where rows stand: their physical place, and how it agrees with a true order. */
public final class RowOrder {

    private RowOrder() {
    }

    /** A row's place as a number: its heap block and line on PostgreSQL, its row number on H2. */
    public static String place() {
        return TestDatabase.isPostgres()
                ? "(ctid::text::point)[0]::bigint * 1000 + (ctid::text::point)[1]::bigint"
                : "_rowid_";
    }

    /** Kendall's tau between the list's order and the numbers in it: 1 when they agree, 0 by chance. */
    public static double tau(List<Long> values) {
        long agree = 0;
        long disagree = 0;
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                int c = Long.compare(values.get(i), values.get(j));
                agree += c < 0 ? 1 : 0;
                disagree += c > 0 ? 1 : 0;
            }
        }
        return (double) (agree - disagree) / Math.max(1, agree + disagree);
    }
}
