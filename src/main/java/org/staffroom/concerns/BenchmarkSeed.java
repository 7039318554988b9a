package org.staffroom.concerns;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Many concerns at once, for the benchmarks in bench/ only: rows written in batches, as the use cases would
 * write them, without a slow hash per receipt or a signing secret per author (a million of either would take
 * hours). Anonymous rows share one receipt hash and have random author tags.
 */
@Component
// only where benchmark data is asked for (demo's BenchmarkData, bench/): never an active bean in production
@ConditionalOnProperty("staffroom.bench.groups")
public class BenchmarkSeed {

    private static final Category[] CATEGORIES = Category.values();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder slowHash;
    private final SecureRandom random = new SecureRandom();

    BenchmarkSeed(JdbcTemplate jdbc, PasswordEncoder slowHash) {
        this.jdbc = jdbc;
        this.slowHash = slowHash;
    }

    /**
     * Writes {@code perGroup} concerns in each group, raised over the last two years, one in five anonymous,
     * most open.
     */
    public void seed(List<UUID> groupIds, UUID namedAuthor, int perGroup) {
        String receiptHash = slowHash.encode("benchmark receipt secret");
        LocalDate today = LocalDate.now();
        List<Object[]> batch = new ArrayList<>();
        for (UUID groupId : groupIds) {
            for (int i = 0; i < perGroup; i++) {
                boolean anonymous = random.nextInt(5) == 0;
                int roll = random.nextInt(20);
                String status = roll == 0 ? "WITHDRAWN" : roll == 1 ? "CLOSED" : roll == 2 ? "ADOPTED" : "OPEN";
                batch.add(new Object[] {UUID.randomUUID(), groupId, "Benchmark concern " + i,
                        "What is happening, in a few sentences, as a member would write it. ".repeat(3),
                        CATEGORIES[random.nextInt(CATEGORIES.length)].name(), "The team",
                        anonymous ? null : namedAuthor, token(32), anonymous ? token(6) : null,
                        anonymous ? receiptHash : null, status, today.minusDays(random.nextInt(730))});
                if (batch.size() == 2000) {
                    write(batch);
                }
            }
        }
        write(batch);
    }

    private void write(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into concerns_concern (id, group_id, title, details, category, affected, author_id, author_tag,
                    receipt_lookup, receipt_hash, status, raised_on, announced, shared_announced)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true)""", batch);
        batch.clear();
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
