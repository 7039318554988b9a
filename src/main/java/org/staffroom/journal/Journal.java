package org.staffroom.journal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.Groups;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bullying book. Everything a journal holds is encrypted in its owner's browser; this service stores
 * and returns ciphertext, and decides who may have which: only the owner their entries, only the colleague
 * holding a witness link that request, only the chosen rep what was shared with them, until it is revoked.
 */
@Service
public class Journal {

    /** The only key derivation the page uses: PBKDF2 with SHA-256, at least OWASP's 600,000 iterations. */
    static final String KDF = "PBKDF2-SHA-256";
    public static final int MIN_ITERATIONS = 600_000;
    static final int MAX_ITERATIONS = 10_000_000;

    /** What the browser needs to open a journal; the keys in it are wrapped, and the salts are random. */
    public record Keyring(@Schema(requiredMode = REQUIRED, allowableValues = KDF) String kdf,
            @Schema(requiredMode = REQUIRED, minimum = "600000") Integer iterations,
            @Schema(requiredMode = REQUIRED, format = "byte") String salt,
            @Schema(requiredMode = REQUIRED, format = "byte") String wrappedKey,
            @Schema(requiredMode = REQUIRED, format = "byte") String recoverySalt,
            @Schema(requiredMode = REQUIRED, format = "byte") String recoveryWrappedKey,
            @Schema(requiredMode = REQUIRED, format = "byte") String publicKey,
            @Schema(requiredMode = REQUIRED, format = "byte") String wrappedPrivateKey) {
    }

    /** The passphrase's part of a keyring, replaced when the passphrase changes. */
    public record Passphrase(String kdf, Integer iterations, String salt, String wrappedKey) {
    }

    /** AES-GCM output: the nonce and the ciphertext with its tag, both base64. */
    public record Ciphertext(@Schema(requiredMode = REQUIRED, format = "byte", description = "12 bytes") String iv,
            @Schema(requiredMode = REQUIRED, format = "byte") String data) {
    }

    /** A version as a backup holds it: the date it was written, by the backup's account. */
    public record ImportedVersion(@Schema(requiredMode = REQUIRED) OffsetDateTime writtenAt,
            @Schema(requiredMode = REQUIRED, format = "byte", description = "12 bytes") String iv,
            @Schema(requiredMode = REQUIRED, format = "byte") String data) {
    }

    public record Version(int version, OffsetDateTime writtenAt, String iv, String data) {
    }

    /** {@code importedAt} is set when the entry came from a backup: its versions' dates are the backup's. */
    public record Entry(UUID id, OffsetDateTime importedAt, List<Version> versions) {
    }

    /** Content sealed to someone's public key: an AES key wrapped by RSA-OAEP, and what it encrypted. */
    public record Sealed(String key, String iv, String data) {
    }

    /** A witness request as its author sees it; the confirmation is sealed to the author. */
    public record Witness(UUID id, UUID entryId, OffsetDateTime requestedAt, String witnessName,
            OffsetDateTime confirmedAt, Sealed confirmation) {
    }

    /** A witness request as the colleague with the link sees it: the summary, encrypted with the link's key. */
    public record WitnessRequest(String authorName, String authorPublicKey, OffsetDateTime requestedAt, String iv,
            String summary, boolean confirmed) {
    }

    /** An organiser of one of the author's groups who keeps a journal, so entries can be sealed to them. */
    public record Rep(UUID accountId, String name, String groupName, String publicKey) {
    }

    public record SharedEntry(@Schema(requiredMode = REQUIRED) UUID entryId,
            @Schema(requiredMode = REQUIRED, format = "byte") String key,
            @Schema(requiredMode = REQUIRED, format = "byte", description = "12 bytes") String iv,
            @Schema(requiredMode = REQUIRED, format = "byte") String data) {
    }

    /** A share as its author sees it: with whom, when, which entries. */
    public record Share(UUID id, String repName, OffsetDateTime sharedAt, List<UUID> entryIds) {
    }

    /** A share as the rep sees it. */
    public record Received(UUID id, String authorName, OffsetDateTime sharedAt, List<SharedEntry> entries) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Journal(JdbcClient jdbc, Accounts accounts, Groups groups, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Keyring> keyring(UUID accountId) {
        return jdbc.sql("""
                select kdf, iterations, salt, wrapped_key, recovery_salt, recovery_wrapped_key, public_key,
                    wrapped_private_key
                from journal_keyring where account_id = ?""").param(accountId).query(Keyring.class).optional();
    }

    /** Starts a journal; an account has one. */
    @Transactional
    public void create(UUID accountId, Keyring keyring) {
        Keyring checked = check(keyring);
        try {
            jdbc.sql("""
                    insert into journal_keyring (account_id, kdf, iterations, salt, wrapped_key, recovery_salt,
                        recovery_wrapped_key, public_key, wrapped_private_key, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(accountId, checked.kdf(), checked.iterations(), checked.salt(), checked.wrappedKey(),
                            checked.recoverySalt(), checked.recoveryWrappedKey(), checked.publicKey(),
                            checked.wrappedPrivateKey(), Times.now(clock))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("journal.exists");
        }
        events.publishEvent(new JournalEvents.Created(accountId));
    }

    /**
     * A new passphrase: the same journal key, wrapped by a key derived from the new one. Entries are not
     * touched. The browser proves nothing to the server here (the server could not check a passphrase); it
     * could only have wrapped the journal key after opening it with the old passphrase or the recovery code.
     */
    @Transactional
    public void changePassphrase(UUID accountId, Passphrase passphrase) {
        checkKdf(passphrase.kdf(), passphrase.iterations());
        int changed = jdbc.sql("""
                update journal_keyring set kdf = ?, iterations = ?, salt = ?, wrapped_key = ? where account_id = ?""")
                .params(passphrase.kdf(), passphrase.iterations(), salt("salt", passphrase.salt()),
                        Ciphertexts.data("wrappedKey", passphrase.wrappedKey(), 200), accountId)
                .update();
        if (changed == 0) {
            throw new DomainException.NotFound();
        }
    }

    public List<Entry> entries(UUID accountId) {
        requireKeyring(accountId);
        record Row(UUID entryId, OffsetDateTime importedAt, int version, OffsetDateTime writtenAt, String iv,
                String data) {
        }
        Map<UUID, Entry> entries = new LinkedHashMap<>();
        jdbc.sql("""
                select e.id entry_id, e.imported_at, v.version, v.written_at, v.iv, v.data
                from journal_entry e join journal_version v on v.entry_id = e.id
                where e.account_id = ? order by e.id, v.version""").param(accountId).query(Row.class).list()
                .forEach(row -> entries.computeIfAbsent(row.entryId(),
                                id -> new Entry(id, row.importedAt(), new ArrayList<>()))
                        .versions().add(new Version(row.version(), row.writtenAt(), row.iv(), row.data())));
        return List.copyOf(entries.values());
    }

    @Transactional
    public Entry write(UUID accountId, Ciphertext entry) {
        requireKeyring(accountId);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into journal_entry (id, account_id) values (?, ?)").params(id, accountId).update();
        Version version = addVersion(id, 1, Times.now(clock), entry);
        events.publishEvent(new JournalEvents.EntryWritten(accountId, id));
        return new Entry(id, null, List.of(version));
    }

    /**
     * Adds a version; the earlier ones stay. {@code after} is the version the edit started from: if another
     * device saved a version since, this one is refused rather than silently put after it.
     */
    @Transactional
    public Version edit(UUID accountId, UUID entryId, int after, Ciphertext entry) {
        owned(accountId, entryId);
        int latest = jdbc.sql("select max(version) from journal_version where entry_id = ?").param(entryId)
                .query(Integer.class).single();
        if (after != latest) {
            throw new DomainException.Conflict("journal.entry.changedElsewhere");
        }
        try {
            Version version = addVersion(entryId, latest + 1, Times.now(clock), entry);
            events.publishEvent(new JournalEvents.EntryWritten(accountId, entryId));
            return version;
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("journal.entry.changedElsewhere");
        }
    }

    /** An entry from a backup, its versions dated as the backup dates them and marked as imported. */
    @Transactional
    public Entry restore(UUID accountId, List<ImportedVersion> versions) {
        requireKeyring(accountId);
        if (versions == null || versions.isEmpty() || versions.size() > 100) {
            throw new InvalidInput("versions", "journal.invalid.versions");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Times.now(clock);
        jdbc.sql("insert into journal_entry (id, account_id, imported_at) values (?, ?, ?)").params(id, accountId, now)
                .update();
        List<Version> stored = new ArrayList<>();
        for (ImportedVersion version : versions) {
            if (version == null || version.writtenAt() == null || version.writtenAt().isAfter(now)) {
                throw new InvalidInput("writtenAt", "journal.invalid.writtenAt");
            }
            DateInput.within("writtenAt", version.writtenAt().toInstant());
            stored.add(addVersion(id, stored.size() + 1, Times.utc(version.writtenAt().toInstant()),
                    new Ciphertext(version.iv(), version.data())));
        }
        return new Entry(id, now, stored);
    }

    private Version addVersion(UUID entryId, int number, OffsetDateTime writtenAt, Ciphertext entry) {
        if (entry == null) {
            throw new InvalidInput("data", "journal.invalid.ciphertext");
        }
        Version version = new Version(number, writtenAt, Ciphertexts.iv("iv", entry.iv()),
                Ciphertexts.data("data", entry.data(), Ciphertexts.MAX_DATA));
        jdbc.sql("insert into journal_version (entry_id, version, written_at, iv, data) values (?, ?, ?, ?, ?)")
                .params(entryId, number, writtenAt, version.iv(), version.data()).update();
        return version;
    }

    // --- witnesses ---

    /**
     * Asks a colleague to confirm an entry. The summary is encrypted with a key the browser puts in the
     * link's fragment (never sent to a server); the answer is the link's token, shown to the author once.
     */
    @Transactional
    public String askWitness(UUID accountId, UUID entryId, Ciphertext summary) {
        owned(accountId, entryId);
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
        Keyring author = keyring(row.authorId()).orElseThrow(DomainException.NotFound::new);
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
        Sealed checked = check(confirmation, Ciphertexts.MAX_NOTE);
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
        var names = names(rows.stream().map(Row::witnessId).filter(java.util.Objects::nonNull).toList());
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

    // --- sharing with a rep ---

    /**
     * The people the author may share entries with: organisers of the author's groups who keep a journal and
     * have chosen to receive shares. Only an author who keeps a journal asks, so a member without one learns
     * nothing; and an organiser who keeps a journal without receiving shares is never listed, so no member
     * learns that they keep one.
     */
    public List<Rep> reps(UUID accountId) {
        requireKeyring(accountId);
        Map<UUID, String> groupOf = new LinkedHashMap<>();
        for (Groups.Membership membership : groups.memberships(accountId)) {
            for (UUID organiser : groups.organiserIds(membership.groupId())) {
                if (!organiser.equals(accountId)) {
                    groupOf.putIfAbsent(organiser, membership.name());
                }
            }
        }
        if (groupOf.isEmpty()) {
            return List.of();
        }
        var names = names(groupOf.keySet());
        List<Rep> reps = new ArrayList<>();
        groupOf.forEach((id, groupName) -> receivingKey(id).ifPresent(publicKey -> {
            if (names.containsKey(id)) {
                reps.add(new Rep(id, names.get(id), groupName, publicKey));
            }
        }));
        reps.sort(java.util.Comparator.comparing(Rep::name, String.CASE_INSENSITIVE_ORDER));
        return reps;
    }

    private Optional<String> receivingKey(UUID accountId) {
        return jdbc.sql("select public_key from journal_keyring where account_id = ? and receives_shares")
                .param(accountId).query(String.class).optional();
    }

    /** Whether the members of the groups this account organises may share entries with it. */
    public boolean receivesShares(UUID accountId) {
        requireKeyring(accountId);
        return jdbc.sql("select receives_shares from journal_keyring where account_id = ?").param(accountId)
                .query(Boolean.class).single();
    }

    /**
     * Lists this account as a rep to the members of the groups it organises, who then see that it keeps a
     * journal, or stops that; what was shared before stays shared until its author takes it back.
     */
    @Transactional
    public void receiveShares(UUID accountId, boolean receive) {
        requireKeyring(accountId);
        jdbc.sql("update journal_keyring set receives_shares = ? where account_id = ?").params(receive, accountId)
                .update();
    }

    /** Shares entries, each sealed in the browser to the rep's public key. */
    @Transactional
    public UUID share(UUID accountId, UUID repId, List<SharedEntry> entries) {
        if (reps(accountId).stream().noneMatch(rep -> rep.accountId().equals(repId))) {
            throw new InvalidInput("repId", "journal.share.notARep");
        }
        if (entries == null || entries.isEmpty() || entries.size() > 200) {
            throw new InvalidInput("entries", "journal.share.chooseEntries");
        }
        UUID shareId = UUID.randomUUID();
        jdbc.sql("insert into journal_share (id, author_id, rep_id, shared_at) values (?, ?, ?, ?)")
                .params(shareId, accountId, repId, Times.now(clock)).update();
        for (SharedEntry entry : entries) {
            if (entry == null || entry.entryId() == null) {
                throw new InvalidInput("entries", "journal.share.chooseEntries");
            }
            owned(accountId, entry.entryId());
            Sealed sealed = check(new Sealed(entry.key(), entry.iv(), entry.data()), Ciphertexts.MAX_DATA);
            try {
                jdbc.sql("insert into journal_share_entry (share_id, entry_id, sealed_key, iv, data) values (?, ?, ?, ?, ?)")
                        .params(shareId, entry.entryId(), sealed.key(), sealed.iv(), sealed.data()).update();
            } catch (DuplicateKeyException e) {
                throw new InvalidInput("entries", "journal.share.chooseEntries");
            }
        }
        events.publishEvent(new JournalEvents.Shared(accountId, repId));
        return shareId;
    }

    public List<Share> sharesBy(UUID accountId) {
        record Row(UUID id, UUID repId, OffsetDateTime sharedAt, UUID entryId) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, s.rep_id, s.shared_at, e.entry_id from journal_share s
                join journal_share_entry e on e.share_id = s.id where s.author_id = ? order by s.shared_at, s.id""")
                .param(accountId).query(Row.class).list();
        var names = names(rows.stream().map(Row::repId).toList());
        Map<UUID, Share> shares = new LinkedHashMap<>();
        rows.forEach(row -> shares.computeIfAbsent(row.id(), id -> new Share(id, names.get(row.repId()), row.sharedAt(),
                new ArrayList<>())).entryIds().add(row.entryId()));
        return List.copyOf(shares.values());
    }

    public List<Received> sharedWith(UUID accountId) {
        record Row(UUID id, UUID authorId, OffsetDateTime sharedAt, UUID entryId, String sealedKey, String iv,
                String data) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, s.author_id, s.shared_at, e.entry_id, e.sealed_key, e.iv, e.data from journal_share s
                join journal_share_entry e on e.share_id = s.id where s.rep_id = ? order by s.shared_at, s.id""")
                .param(accountId).query(Row.class).list();
        var names = names(rows.stream().map(Row::authorId).toList());
        Map<UUID, Received> received = new LinkedHashMap<>();
        rows.forEach(row -> received.computeIfAbsent(row.id(), id -> new Received(id, names.get(row.authorId()),
                row.sharedAt(), new ArrayList<>())).entries()
                .add(new SharedEntry(row.entryId(), row.sealedKey(), row.iv(), row.data())));
        return List.copyOf(received.values());
    }

    /** The author takes a share back: the rep's copies on the server go at once. */
    @Transactional
    public void revoke(UUID accountId, UUID shareId) {
        if (jdbc.sql("delete from journal_share where id = ? and author_id = ?").params(shareId, accountId).update() == 0) {
            throw new DomainException.NotFound();
        }
        events.publishEvent(new JournalEvents.ShareRevoked(accountId));
    }

    /** An account's journal goes with it, and what was shared with it; its confirmations stay, unnamed. */
    @Transactional
    public void forget(UUID accountId) {
        jdbc.sql("delete from journal_share where author_id = ? or rep_id = ?").params(accountId, accountId).update();
        jdbc.sql("delete from journal_entry where account_id = ?").param(accountId).update();
        jdbc.sql("delete from journal_keyring where account_id = ?").param(accountId).update();
        jdbc.sql("update journal_witness set witness_id = null where witness_id = ?").param(accountId).update();
    }

    // --- checks ---

    private void requireKeyring(UUID accountId) {
        if (jdbc.sql("select count(*) from journal_keyring where account_id = ?").param(accountId).query(Integer.class)
                .single() == 0) {
            throw new DomainException.Conflict("journal.none");
        }
    }

    /** Someone else's entry, or none, is not found: the answer must not tell which. */
    private void owned(UUID accountId, UUID entryId) {
        if (jdbc.sql("select count(*) from journal_entry where id = ? and account_id = ?").params(entryId, accountId)
                .query(Integer.class).single() == 0) {
            throw new DomainException.NotFound();
        }
    }

    private Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        accounts.views(ids).forEach((id, view) -> names.put(id, view.displayName()));
        return names;
    }

    private static Keyring check(Keyring keyring) {
        if (keyring == null) {
            throw new InvalidInput("kdf", "journal.invalid.kdf");
        }
        checkKdf(keyring.kdf(), keyring.iterations());
        return new Keyring(keyring.kdf(), keyring.iterations(), salt("salt", keyring.salt()),
                Ciphertexts.data("wrappedKey", keyring.wrappedKey(), 200), salt("recoverySalt", keyring.recoverySalt()),
                Ciphertexts.data("recoveryWrappedKey", keyring.recoveryWrappedKey(), 200),
                Ciphertexts.data("publicKey", keyring.publicKey(), 1000),
                Ciphertexts.data("wrappedPrivateKey", keyring.wrappedPrivateKey(), 4000));
    }

    private static void checkKdf(String kdf, Integer iterations) {
        if (!KDF.equals(kdf)) {
            throw new InvalidInput("kdf", "journal.invalid.kdf");
        }
        if (iterations == null || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new InvalidInput("iterations", "journal.invalid.iterations", MIN_ITERATIONS);
        }
    }

    private static String salt(String field, String salt) {
        return Ciphertexts.data(field, salt, 64);
    }

    private static Sealed check(Sealed sealed, int maxData) {
        if (sealed == null) {
            throw new InvalidInput("data", "journal.invalid.ciphertext");
        }
        return new Sealed(Ciphertexts.data("key", sealed.key(), Ciphertexts.MAX_SEALED_KEY),
                Ciphertexts.iv("iv", sealed.iv()), Ciphertexts.data("data", sealed.data(), maxData));
    }
}
