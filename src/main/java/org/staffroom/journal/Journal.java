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

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
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
    public record Entry(UUID id, @Nullable OffsetDateTime importedAt, List<Version> versions) {
    }

    /** Content sealed to someone's public key: an AES key wrapped by RSA-OAEP, and what it encrypted. */
    public record Sealed(String key, String iv, String data) {
    }

    /** A witness request as its author sees it; the confirmation is sealed to the author. */
    public record Witness(UUID id, UUID entryId, OffsetDateTime requestedAt, @Nullable String witnessName,
            @Nullable OffsetDateTime confirmedAt, @Nullable Sealed confirmation) {
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
    public record Share(UUID id, @Nullable String repName, OffsetDateTime sharedAt, List<UUID> entryIds) {
    }

    /** A share as the rep sees it. */
    public record Received(UUID id, @Nullable String authorName, OffsetDateTime sharedAt, List<SharedEntry> entries) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Journal(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
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

    /** An account's journal goes with it, and what was shared with it; its confirmations stay, unnamed. */
    @Transactional
    public void forget(UUID accountId) {
        jdbc.sql("delete from journal_share where author_id = ? or rep_id = ?").params(accountId, accountId).update();
        jdbc.sql("delete from journal_entry where account_id = ?").param(accountId).update();
        jdbc.sql("delete from journal_keyring where account_id = ?").param(accountId).update();
        jdbc.sql("update journal_witness set witness_id = null where witness_id = ?").param(accountId).update();
    }

    // --- checks ---

    void requireKeyring(UUID accountId) {
        if (jdbc.sql("select count(*) from journal_keyring where account_id = ?").param(accountId).query(Integer.class)
                .single() == 0) {
            throw new DomainException.Conflict("journal.none");
        }
    }

    /** Someone else's entry, or none, is not found: the answer must not tell which. */
    void owned(UUID accountId, UUID entryId) {
        if (jdbc.sql("select count(*) from journal_entry where id = ? and account_id = ?").params(entryId, accountId)
                .query(Integer.class).single() == 0) {
            throw new DomainException.NotFound();
        }
    }

    /** The display names of these accounts, for witnesses and shares; a deleted account has none. */
    Map<UUID, String> names(Collection<UUID> ids) {
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
}
