package org.staffroom.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.concerns.BenchmarkSeed;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Networks;
import org.staffroom.identity.Accounts;

/**
 * Generated data for the benchmarks in bench/: many listed groups and accounts, made through the same use
 * cases as real ones (so the directory's index is built as it would be). Runs only with
 * {@code staffroom.bench.groups} set, once, on an empty instance.
 */
@Component
@ConditionalOnProperty("staffroom.bench.groups")
class BenchmarkData implements ApplicationRunner {

    static final String PASSWORD = "benchmark passphrase 2026";
    static final String BENCH_USER = "bench@example.org";
    static final String BENCH_ADMIN = "bench-admin@example.org";
    /** Members who join the benchmark user's five groups, unless staffroom.bench.members says otherwise. */
    static final int COSIGNERS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkData.class);
    private static final int BATCH = 500;

    private static final List<String> AREAS = List.of("Bristol", "Bath", "Gloucester", "Swindon", "Cardiff", "Exeter",
            "Plymouth", "Taunton", "Newport", "Cheltenham", "Weston", "Yate", "Keynsham", "Clevedon", "Stroud",
            "Frome");
    private static final List<String> PROFESSIONS = List.of("nurses", "care workers", "social workers", "therapists",
            "midwives", "porters", "paramedics", "pharmacists", "psychologists", "healthcare assistants",
            "occupational therapists", "physiotherapists", "admin staff", "support workers", "GPs", "cleaners");
    private static final List<String> EMPLOYERS = List.of("Severnside NHS Trust", "Riverside Care Ltd",
            "Avon County Council", "Westway Health Partnership", "Harbour Homecare", "Northgate Mental Health Trust",
            "Sunrise Care Homes", "Hillside Community Interest Company", "Valley Agency Staffing", "City Primary Care");
    private static final List<String> SECTORS = List.of("NHS_TRUST", "PRIVATE_CARE_PROVIDER", "LOCAL_AUTHORITY",
            "PRIMARY_CARE", "PRIVATE_CARE_PROVIDER", "NHS_TRUST", "CHARITY", "AGENCY", "NHS_TRUST", "PRIMARY_CARE");

    private final Accounts accounts;
    private final int members;
    private final Groups groups;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final int groupCount;
    private final int accountCount;
    private final int concernsPerGroup;
    private final BenchmarkSeed seed;
    private final Invitations invitations;
    private final Networks networks;
    private final int regions;

    BenchmarkData(Accounts accounts, Groups groups, PasswordEncoder encoder,
            TransactionTemplate transactions, @Value("${staffroom.bench.groups}") int groupCount,
            @Value("${staffroom.bench.accounts:0}") int accountCount,
            @Value("${staffroom.bench.concerns-per-group:0}") int concernsPerGroup, BenchmarkSeed seed,
            Invitations invitations, Networks networks, @Value("${staffroom.bench.regions:0}") int regions,
            @Value("${staffroom.bench.members:" + COSIGNERS + "}") int members) {
        this.members = members;
        this.networks = networks;
        this.regions = regions;
        this.concernsPerGroup = concernsPerGroup;
        this.seed = seed;
        this.invitations = invitations;
        this.accounts = accounts;
        this.groups = groups;
        this.encoder = encoder;
        this.transactions = transactions;
        this.groupCount = groupCount;
        this.accountCount = accountCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.setupNeeded()) {
            LOG.info("Benchmark data: the instance already has accounts; leaving it as it is.");
            return;
        }
        long started = System.nanoTime();
        String hash = encoder.encode(PASSWORD);
        UUID benchUser = transactions
                .execute(status -> accounts.registerWithHash(BENCH_USER, "Bench Organiser", hash, false));
        int total = Math.max(accountCount, groupCount);
        List<UUID> groupIds = new ArrayList<>();
        List<UUID> accountIds = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH) {
            int start = from;
            transactions.executeWithoutResult(status -> {
                for (int n = start; n < Math.min(start + BATCH, total); n++) {
                    // the benchmark user organises a handful of groups, as a real organiser would;
                    // every other group has an organiser of its own
                    UUID account = n < 5 ? benchUser
                            : accounts.registerWithHash("bench" + n + "@example.org", "Bench Member " + n, hash, false);
                    accountIds.add(account);
                    if (n < groupCount) {
                        groupIds.add(groups.create(account, details(n)));
                    }
                }
            });
        }
        if (concernsPerGroup > 0) {
            seedConcerns(benchUser, groupIds, accountIds);
        }
        if (regions > 0) {
            seedNetworks(hash, groupIds, accountIds);
        }
        LOG.info("Benchmark data: {} groups and {} accounts in {} s", groupCount, total - 4,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * Concerns in every group; the accounts bench5 to bench68 (or as many as staffroom.bench.members says)
     * join the benchmark user's five groups, so that the co-signing benchmark has 64 members to co-sign as.
     */
    private void seedConcerns(UUID benchUser, List<UUID> groupIds, List<UUID> accountIds) {
        for (int from = 0; from < groupIds.size(); from += BATCH) {
            List<UUID> slice = groupIds.subList(from, Math.min(groupIds.size(), from + BATCH));
            transactions.executeWithoutResult(status -> seed.seed(slice, benchUser, concernsPerGroup));
        }
        transactions.executeWithoutResult(status -> {
            for (UUID groupId : groupIds.subList(0, Math.min(5, groupIds.size()))) {
                List<UUID> joining = accountIds.subList(5, Math.min(accountIds.size(), 5 + members));
                for (int from = 0; from < joining.size(); from += Invitations.MAX_USES) {
                    List<UUID> some = joining.subList(from, Math.min(joining.size(), from + Invitations.MAX_USES));
                    String code = invitations.create(benchUser, groupId, 1, some.size()).code();
                    some.forEach(member -> invitations.accept(code, member));
                }
            }
        });
        LOG.info("Benchmark concerns: {} in each group", concernsPerGroup);
    }

    /**
     * A national network holding every group and {@code regions} regional networks, each a consecutive slice
     * of the groups, for the survey benchmark: region 1 holds the benchmark user's five groups, and the
     * benchmark user coordinates the national network and region 1, so one token sees a national survey, a
     * one-network survey and a group's view of both. Groups join as their organisers, as real ones would.
     */
    private void seedNetworks(String hash, List<UUID> groupIds, List<UUID> accountIds) {
        // only administrators create networks and name their first coordinators
        UUID admin = transactions.execute(status -> accounts.registerWithHash(BENCH_ADMIN, "Bench Administrator", hash,
                true));
        List<UUID> networkIds = transactions.execute(status -> {
            List<UUID> ids = new ArrayList<>();
            ids.add(networks.create(admin, "National benchmark network", "Every benchmark group."));
            for (int r = 1; r <= regions; r++) {
                ids.add(networks.create(admin, "Region " + r, "Benchmark groups of region " + r + "."));
            }
            networks.addCoordinator(admin, ids.get(0), BENCH_USER);
            networks.addCoordinator(admin, ids.get(1), BENCH_USER);
            return ids;
        });
        int n = groupIds.size();
        for (int from = 0; from < n; from += BATCH) {
            int start = from;
            transactions.executeWithoutResult(status -> {
                for (int g = start; g < Math.min(start + BATCH, n); g++) {
                    // account g organises group g (the benchmark user the first five)
                    networks.join(accountIds.get(g), groupIds.get(g), networkIds.get(0));
                    networks.join(accountIds.get(g), groupIds.get(g), networkIds.get(region(g, n)));
                }
            });
        }
        LOG.info("Benchmark networks: 1 national network of {} groups and {} regions of about {} groups", n, regions,
                n / regions);
    }

    /** Region r (from 1) holds groups (r - 1) * n / regions up to r * n / regions, exclusive. */
    private int region(int group, int n) {
        int r = 1;
        while (group >= (long) r * n / regions) {
            r++;
        }
        return r;
    }

    private static GroupDetails details(int n) {
        String area = AREAS.get(n % AREAS.size());
        String profession = PROFESSIONS.get((n / AREAS.size()) % PROFESSIONS.size());
        String employer = EMPLOYERS.get((n / 7) % EMPLOYERS.size());
        return new GroupDetails(area + " " + profession + " " + n, employer, SECTORS.get(n % SECTORS.size()),
                profession, area + " BS" + (n % 99 + 1),
                "Workers at " + employer + " in " + area + " organising for safe staffing, fair pay and supervision.",
                true, "", false);
    }
}
