package org.staffroom.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job that keeps anonymous acts unlinkable (docs/anonymity.md, "The pool"). Once a minute, for every
 * feature's {@link AnonymousPool}, in one transaction with the pool locked: the waiting rows are rewritten
 * in a random order, and what is due is released. At the end of each release period (every
 * {@code staffroom.anonymity.release-minutes}, counted from the hour) everything still waiting is released.
 * Afterwards, on PostgreSQL, the rewritten tables are vacuumed, so that the row versions the requests wrote
 * (with their transaction numbers) do not linger in the table's pages.
 */
@Component
public class Mixing {

    private final List<AnonymousPool> pools;
    private final AnonymousRows rows;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final Jobs jobs;
    private final Clock clock;
    private final int releaseMinutes;

    Mixing(List<AnonymousPool> pools, AnonymousRows rows, TransactionTemplate transactions, DataSource dataSource,
            Jobs jobs, Clock clock, @Value("${staffroom.anonymity.release-minutes:60}") int releaseMinutes) {
        if (releaseMinutes < 1 || 60 % releaseMinutes != 0) {
            throw new IllegalStateException("staffroom.anonymity.release-minutes must divide an hour (1 to 60), not "
                    + releaseMinutes);
        }
        this.pools = pools;
        this.rows = rows;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.clock = clock;
        this.releaseMinutes = releaseMinutes;
    }

    /** Every minute, on the minute (tests turn it off and call {@link #run} themselves). */
    @Scheduled(cron = "${staffroom.anonymity.cron:0 * * * * *}")
    void scheduled() {
        long minute = clock.millis() / 60_000;
        jobs.onClock("anonymity-mixing", () -> run(minute % releaseMinutes == 0));
    }

    /**
     * Mixes every pool and releases what is due; with {@code periodEnd}, everything that waits.
     *
     * @return the tables written to (and vacuumed)
     */
    public Set<String> run(boolean periodEnd) {
        Set<String> touched = new LinkedHashSet<>();
        for (AnonymousPool pool : pools) {
            Integer written = transactions.execute(status -> {
                rows.lock(pool.name());
                return pool.mix(rows) + pool.release(periodEnd);
            });
            if (written != null && written > 0) {
                touched.addAll(pool.tables());
            }
        }
        vacuum(touched);
        return touched;
    }

    /** Everything released now: for the demo's data, and for tests. */
    public void releaseAll() {
        run(true);
    }

    /**
     * PostgreSQL keeps a row's old versions (with the transaction numbers that wrote them) in the table's pages
     * until a vacuum clears them; H2 has no such versions to read.
     */
    private void vacuum(Set<String> tables) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")) {
                return;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    // index_cleanup on: without it PostgreSQL skips the indexes when few pages have dead rows,
                    // and their entries keep pointing at the places the requests wrote the rows to
                    statement.execute("vacuum (index_cleanup on) " + table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not vacuum the anonymous acts' tables", e);
        }
    }
}
