package org.staffroom.journal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.Accounts;
import org.staffroom.journal.Journal.Ciphertext;
import org.staffroom.journal.Journal.Keyring;
import org.staffroom.journal.Journal.Sealed;
import org.staffroom.journal.Journal.Witness;
import org.staffroom.journal.Journal.WitnessRequest;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Witnesses to a journal entry: the author asks a colleague through a link, the colleague reads the summary
 * and confirms it, sealed to the author, and the author sees the confirmations or withdraws a request.
 */
@Service
public class JournalWitnesses {

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JournalWitnesses(JdbcClient jdbc, Journal journal, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks a colleague to confirm an entry. The summary is encrypted with a key the browser puts in the
     * link's fragment (never sent to a server); the answer is the link's token, shown to the author once.
     */
    @Transactional
    public String askWitness(UUID accountId, UUID entryId, Ciphertext summary) {
        journal.owned(accountId, entryId);
        if (summary == null) {
            throw new InvalidInput("summary", "journal.invalid.ciphertext");
        }
        String token = SecretTokens.newToken(24);
        jdbc.sql("""
                insert into journal_witness (id, entry_id, token_hash, iv, summary, requested_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), entryId, SecretTokens.hash(token), Ciphertexts.iv("iv", summary.iv()),
                        Ciphertexts.data("summary", summary.data(), Ciphertexts.MAX_NOTE), Times.now(clock))
                .update();
        return token;
    }

    /** The request behind a witness link, for a signed-in colleague other than its author. */
    public WitnessRequest witnessRequest(UUID accountId, String token) {
        WitnessRow row = witnessByToken(token);
        if (row.authorId().equals(accountId)) {
            throw new DomainException.Forbidden("journal.witness.ownEntry");
        }
        Keyring author = journal.keyring(row.authorId()).orElseThrow(DomainException.NotFound::new);
        return new WitnessRequest(accounts.get(row.authorId()).displayName(), author.publicKey(), row.requestedAt(),
                row.iv(), row.summary(), row.confirmedAt() != null);
    }

    /** The colleague's confirmation, sealed to the author; once. */
    @Transactional
    public void confirm(UUID accountId, String token, Sealed confirmation) {
        WitnessRow row = witnessByToken(token);
        if (row.authorId().equals(accountId)) {
            throw new DomainException.Forbidden("journal.witness.ownEntry");
        }
        Sealed checked = Ciphertexts.sealed(confirmation, Ciphertexts.MAX_NOTE);
        int changed = jdbc.sql("""
                update journal_witness set witness_id = ?, confirmation_key = ?, confirmation_iv = ?, confirmation = ?,
                    confirmed_at = ?
                where id = ? and confirmed_at is null""")
                .params(accountId, checked.key(), checked.iv(), checked.data(), Times.now(clock), row.id()).update();
        if (changed == 0) {
            throw new DomainException.Conflict("journal.witness.alreadyConfirmed");
        }
        events.publishEvent(new JournalEvents.WitnessConfirmed(row.authorId()));
    }

    /** The author's witness requests, confirmed or waiting. */
    public List<Witness> witnesses(UUID accountId) {
        record Row(UUID id, UUID entryId, OffsetDateTime requestedAt, UUID witnessId, OffsetDateTime confirmedAt,
                String confirmationKey, String confirmationIv, String confirmation) {
        }
        List<Row> rows = jdbc.sql("""
                select w.id, w.entry_id, w.requested_at, w.witness_id, w.confirmed_at, w.confirmation_key,
                    w.confirmation_iv, w.confirmation
                from journal_witness w join journal_entry e on e.id = w.entry_id
                where e.account_id = ? order by w.requested_at""").param(accountId).query(Row.class).list();
        var names = journal.names(rows.stream().map(Row::witnessId).filter(Objects::nonNull).toList());
        return rows.stream().map(row -> new Witness(row.id(), row.entryId(), row.requestedAt(),
                row.witnessId() == null ? null : names.get(row.witnessId()), row.confirmedAt(),
                row.confirmedAt() == null ? null
                        : new Sealed(row.confirmationKey(), row.confirmationIv(), row.confirmation())))
                .toList();
    }

    /** The author withdraws a request; its link stops working, and a confirmation goes with it. */
    @Transactional
    public void withdrawWitness(UUID accountId, UUID witnessId) {
        int deleted = jdbc.sql("""
                delete from journal_witness where id = ? and entry_id in (
                    select id from journal_entry where account_id = ?)""").params(witnessId, accountId).update();
        if (deleted == 0) {
            throw new DomainException.NotFound();
        }
    }

    private record WitnessRow(UUID id, UUID authorId, OffsetDateTime requestedAt, String iv, String summary,
            OffsetDateTime confirmedAt) {
    }

    private WitnessRow witnessByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new DomainException.NotFound();
        }
        return jdbc.sql("""
                select w.id, e.account_id author_id, w.requested_at, w.iv, w.summary, w.confirmed_at
                from journal_witness w join journal_entry e on e.id = w.entry_id where w.token_hash = ?""")
                .param(SecretTokens.hash(token)).query(WitnessRow.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }
}
