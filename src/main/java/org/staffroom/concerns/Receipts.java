package org.staffroom.concerns;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.Groups;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * What an anonymous author can do with their receipt, without signing in: read the concern and the
 * organisers' replies, answer, add information, edit or withdraw it. Each of these is an anonymous act: what it
 * writes waits in the pool, or is marked fresh for the mixing job to write again (docs/anonymity.md). Nothing here looks at who is signed
 * in, and nothing is kept between requests: every request carries the receipt in its body.
 */
@Service
public class Receipts {

    /**
     * The concern as its anonymous author sees it through the receipt; {@code waiting} while the group cannot
     * see it yet (it is released with the next batch, docs/anonymity.md).
     */
    public record ReceiptView(UUID concernId, String groupName, String title, String details, Category category,
            String affected, LocalDate raisedOn, LocalDate editedOn, ConcernStatus status, int cosigns,
            List<Concerns.Message> conversation, boolean waiting, boolean changeWaiting) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder slowHash;
    private final Concerns concerns;
    private final ConcernRows concernRows;
    private final ConcernConversation conversation;
    private final Groups groups;
    private final String decoyHash;
    private final AnonymousRows rows;

    Receipts(JdbcClient jdbc, PasswordEncoder slowHash, Concerns concerns, ConcernRows concernRows,
            ConcernConversation conversation, Groups groups, AnonymousRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.slowHash = slowHash;
        this.concerns = concerns;
        this.concernRows = concernRows;
        this.conversation = conversation;
        this.groups = groups;
        this.decoyHash = slowHash.encode("decoy receipt secret");
    }

    /** The concern as its author last left it: with an edit or withdrawal that waits for release, if any. */
    public ReceiptView open(String receipt) {
        Concerns.Row row = find(receipt);
        record Pending(@Nullable String title, @Nullable String details, @Nullable String category,
                @Nullable String affected, boolean withdrawal) {
        }
        Pending pending = jdbc.sql("""
                select pending_title title, pending_details details, pending_category category,
                    pending_affected affected, pending_withdrawal withdrawal
                from concerns_concern where id = ?""").param(row.id()).query(Pending.class).optional()
                .orElse(new Pending(null, null, null, null, false));
        boolean edited = pending.title() != null;
        // a pending edit sets every field at once
        return new ReceiptView(row.id(), groups.nameOf(row.groupId()),
                edited ? Objects.requireNonNull(pending.title()) : row.title(),
                edited ? Objects.requireNonNull(pending.details()) : row.details(),
                Category.valueOf(edited ? Objects.requireNonNull(pending.category()) : row.category()),
                edited ? Objects.requireNonNull(pending.affected()) : row.affected(), row.raisedOn(), row.editedOn(),
                pending.withdrawal() ? ConcernStatus.WITHDRAWN : ConcernStatus.valueOf(row.status()),
                row.visibleCosigns(), conversation.conversation(row.id(), true), !row.released(),
                edited || pending.withdrawal());
    }

    @Transactional
    public ReceiptView write(String receipt, String text) {
        Concerns.Row row = find(receipt);
        conversation.addMessage(row, true, null, text);
        return open(receipt);
    }

    @Transactional
    public ReceiptView edit(String receipt, ConcernDraft draft) {
        rows.lock(ConcernsPool.NAME);
        Concerns.Row row = find(receipt);
        if (row.released()) {
            concerns.updateLater(row, draft);
        } else {
            concerns.update(row.id(), row, draft);
        }
        return open(receipt);
    }

    @Transactional
    public ReceiptView withdraw(String receipt) {
        rows.lock(ConcernsPool.NAME);
        Concerns.Row row = find(receipt);
        if (row.released()) {
            concerns.withdrawLater(row);
        } else {
            concerns.markWithdrawn(row.id(), row);
        }
        return open(receipt);
    }

    /**
     * The concern the receipt opens. A receipt that opens nothing takes as long to refuse as a right one
     * takes to accept, so that timing does not tell which first parts exist.
     *
     * @throws InvalidInput on the receipt field when it opens nothing
     */
    Concerns.Row find(String receipt) {
        Receipt parsed = Receipt.parse(receipt);
        record Stored(UUID id, UUID groupId, String receiptHash) {
        }
        Stored stored = jdbc.sql("""
                select id, group_id, receipt_hash from concerns_concern where receipt_lookup = :lookup
                union all select id, group_id, receipt_hash from concerns_waiting where receipt_lookup = :lookup""")
                .param("lookup", parsed.lookup()).query(Stored.class).optional().orElse(null);
        if (stored == null) {
            slowHash.matches(parsed.secret(), decoyHash);
            throw new InvalidInput("receipt", "receipt.unknown");
        }
        if (!slowHash.matches(parsed.secret(), stored.receiptHash())) {
            throw new InvalidInput("receipt", "receipt.unknown");
        }
        return concernRows.findWaitingToo(stored.groupId(), stored.id());
    }
}
