package org.staffroom.decisions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.shared.AnonymousPool;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.AnonymousRows.Table;

/**
 * Secret ballots between request and release (docs/anonymity.md, "The pool"): a proposal's are released once
 * {@value Proposals#SECRET_MINIMUM} wait, when voting has closed, and at the end of each release period; the
 * turnout members see moves then.
 */
@Component
class DecisionsPool implements AnonymousPool {

    private static final Table BALLOTS = new Table("decisions_ballot", "proposal_id", "voter");

    private final JdbcClient jdbc;
    private final Clock clock;

    DecisionsPool(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public int mix(AnonymousRows rows) {
        // open ballots written since the last run too: see AnonymousPool
        return rows.rewrite(BALLOTS, "not released or fresh");
    }

    @Override
    public int release(boolean periodEnd) {
        List<UUID> due = jdbc.sql("""
                select b.proposal_id from decisions_ballot b join decisions_proposal p on p.id = b.proposal_id
                where not b.released group by b.proposal_id, p.closes_at
                having ? or count(*) >= ? or p.closes_at <= ?""")
                .params(periodEnd, Proposals.SECRET_MINIMUM, OffsetDateTime.now(clock)).query(UUID.class).list();
        int released = 0;
        for (UUID proposalId : due) {
            released += jdbc.sql("update decisions_ballot set released = true where proposal_id = ? and not released")
                    .param(proposalId).update();
        }
        return released;
    }

    @Override
    public List<String> tables() {
        return List.of("decisions_ballot");
    }
}
