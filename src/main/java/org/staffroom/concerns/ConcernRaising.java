package org.staffroom.concerns;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.concerns.ConcernEvents.ConcernRaised;
import org.staffroom.concerns.Concerns.Checked;
import org.staffroom.concerns.Concerns.Raised;
import org.staffroom.groups.GroupAccess;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Raising a concern, named or anonymous, once per form: a form sent again answers with what it raised, and an
 * anonymous concern's receipt is made here and shown only then. Nothing here stores who raised an anonymous
 * concern (docs/anonymity.md).
 */
@Service
public class ConcernRaising {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Concerns concerns;
    private final ConcernRows rows;
    private final GroupAccess access;
    private final AnonymousTags tags;
    private final PasswordEncoder slowHash;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConcernRaising(JdbcClient jdbc, TransactionTemplate transactions, Concerns concerns, ConcernRows rows,
            GroupAccess access, AnonymousTags tags, PasswordEncoder slowHash, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.concerns = concerns;
        this.rows = rows;
        this.access = access;
        this.tags = tags;
        this.slowHash = slowHash;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises a concern. An anonymous one is stored without the author and with its date only, waits in the
     * pool until the next release (docs/anonymity.md), and its receipt is returned here once and never again.
     */
    public Raised raise(UUID accountId, UUID groupId, ConcernDraft draft) {
        return raise(accountId, groupId, draft, null);
    }

    /**
     * Raises a concern from a form with a one-time key (made when the form was shown, kept only in it): sending
     * the same form again, by a reload, a restored tab or a second tap, answers with what the first sending
     * raised, the same receipt included, and raises nothing. An anonymous concern's receipt is derived from the
     * key, so nothing new is stored to find it; a named one keeps a SHA-256 of the key.
     */
    public Raised raise(UUID accountId, UUID groupId, ConcernDraft draft, @Nullable String submissionKey) {
        // only a key as the form is given one (256 random bits, base64url): a chosen key would choose the receipt
        String key = submissionKey != null && submissionKey.matches("[A-Za-z0-9_-]{43}") ? submissionKey : null;
        for (int attempt = 1;; attempt++) {
            boolean last = key == null || attempt == ATTEMPTS;
            try {
                return transactions.execute(status -> raiseOnce(accountId, groupId, draft, key, last));
            } catch (DuplicateKeyException e) {
                if (last) {
                    throw e;
                }
                // the same form sent at the same moment holds the receipt or submission hash: once it has committed,
                // the next attempt finds it and answers with what it raised
                pause(attempt);
            }
        }
    }

    private static final int ATTEMPTS = 5;

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One attempt; {@code last}: earlier ones gave way, so a receipt found taken now is someone else's. */
    private Raised raiseOnce(UUID accountId, UUID groupId, ConcernDraft draft, @Nullable String key, boolean last) {
        access.requireMember(groupId, accountId);
        Checked checked = Concerns.check(draft);
        if (key != null) {
            Optional<Raised> first = alreadyRaised(accountId, groupId, key);
            if (first.isPresent()) {
                return first.get();
            }
        }
        UUID id = UUID.randomUUID();
        String authorTag = tags.tag(accountId, Concerns.scope(id));
        Receipt receipt = !draft.isAnonymous() ? null
                : key == null ? unusedReceipt() : derivedReceipt(accountId, key, last);
        if (receipt == null) {
            jdbc.sql("""
                    insert into concerns_concern (id, group_id, title, details, category, affected, author_id,
                        author_tag, status, raised_on, submission_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                    .params(id, groupId, checked.title(), checked.details(), checked.category().name(),
                            checked.affected(), accountId, authorTag, Times.today(clock),
                            key == null ? null : SecretTokens.hash(key))
                    .update();
        } else {
            // not beside the named concerns: the place it took there would stay behind when it moved (V61)
            jdbc.sql("""
                    insert into concerns_waiting (id, group_id, title, details, category, affected, author_tag,
                        receipt_lookup, receipt_hash, status, raised_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                    .params(id, groupId, checked.title(), checked.details(), checked.category().name(),
                            checked.affected(), authorTag, receipt.lookup(), slowHash.encode(receipt.secret()),
                            Times.today(clock))
                    .update();
        }
        if (receipt == null) {
            // an anonymous concern's is published when it is released (ConcernsPool), not at this moment
            events.publishEvent(new ConcernRaised(groupId, id));
        }
        return new Raised(id, receipt == null ? null : receipt.display(),
                concerns.view(accountId, access.requireMember(groupId, accountId), rows.findWaitingToo(groupId, id)));
    }

    /** What a form with this one-time key raised in the group, if it was sent before: named or anonymous. */
    private Optional<Raised> alreadyRaised(UUID accountId, UUID groupId, String key) {
        Optional<UUID> named = jdbc.sql("""
                select id from concerns_concern where submission_hash = ? and group_id = ? and author_id = ?""")
                .params(SecretTokens.hash(key), groupId, accountId).query(UUID.class).optional();
        if (named.isPresent()) {
            return Optional.of(new Raised(named.get(), null,
                    concerns.view(accountId, access.requireMember(groupId, accountId),
                            rows.findWaitingToo(groupId, named.get()))));
        }
        Receipt receipt = Receipt.derivedFrom(receiptSeed(accountId, key));
        Optional<UUID> waiting = anonymousWithReceipt("concerns_waiting", groupId, receipt);
        if (waiting.isEmpty() && anonymousWithReceipt("concerns_concern", groupId, receipt).isPresent()) {
            // sent again after its release: the receipt is not shown again to whoever holds the old form
            throw new DomainException.Conflict("concern.alreadySent");
        }
        return waiting.map(id -> new Raised(id, receipt.display(),
                concerns.view(accountId, access.requireMember(groupId, accountId), rows.findWaitingToo(groupId, id))));
    }

    /** The concern of the group in this table (waiting or released) whose receipt this is. */
    private Optional<UUID> anonymousWithReceipt(String table, UUID groupId, Receipt receipt) {
        return jdbc.sql("select id, receipt_hash from " + table + " where receipt_lookup = ? and group_id = ?")
                .params(receipt.lookup(), groupId)
                .query((rs, n) -> slowHash.matches(receipt.secret(), rs.getString("receipt_hash"))
                        ? Optional.of(rs.getObject("id", UUID.class)) : Optional.<UUID>empty())
                .list().stream().flatMap(Optional::stream).findFirst();
    }

    /**
     * What a form's key makes a receipt from: the author's tag for the key, which only their unlocked signing
     * secret gives. The key alone (seen in the form by someone else at the screen, say) gives neither the receipt
     * nor a way to send first and be answered as the author.
     */
    private String receiptSeed(UUID accountId, String key) {
        return tags.tag(accountId, "receipt-from-form:" + key);
    }

    /**
     * The key's receipt. Found taken, it is most likely this form's, sent at the same moment and committed since
     * this attempt looked: the attempt gives way, and the next finds that concern. Found taken on the last attempt,
     * it is another concern's (once in 2^40 receipts), and a random receipt is used.
     */
    private Receipt derivedReceipt(UUID accountId, String key, boolean last) {
        Receipt receipt = Receipt.derivedFrom(receiptSeed(accountId, key));
        boolean taken = jdbc.sql("""
                select count(*) from concerns_concern where receipt_lookup = :lookup
                union all select count(*) from concerns_waiting where receipt_lookup = :lookup""")
                .param("lookup", receipt.lookup()).query(Long.class).list().stream().anyMatch(n -> n > 0);
        if (taken && !last) {
            throw new DuplicateKeyException("the receipt's lookup is taken");
        }
        return taken ? unusedReceipt() : receipt;
    }

    /** A receipt whose first part no concern has, waiting or released (each table's index holds its own). */
    private Receipt unusedReceipt() {
        while (true) {
            Receipt receipt = Receipt.generate();
            if (jdbc.sql("""
                    select count(*) from concerns_concern where receipt_lookup = :lookup
                    union all select count(*) from concerns_waiting where receipt_lookup = :lookup""")
                    .param("lookup", receipt.lookup()).query(Long.class).list().stream().allMatch(n -> n == 0)) {
                return receipt;
            }
        }
    }
}
