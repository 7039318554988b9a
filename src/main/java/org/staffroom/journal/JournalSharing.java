package org.staffroom.journal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.staffroom.journal.Journal.Received;
import org.staffroom.journal.Journal.Rep;
import org.staffroom.journal.Journal.Sealed;
import org.staffroom.journal.Journal.Share;
import org.staffroom.journal.Journal.SharedEntry;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.Times;

/**
 * Sharing journal entries with a rep: who may receive them, the entries sealed in the browser to the rep's
 * key, what each side sees, and taking a share back.
 */
@Service
public class JournalSharing {

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JournalSharing(JdbcClient jdbc, Journal journal, Groups groups, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The people the author may share entries with: organisers of the author's groups who keep a journal and
     * have chosen to receive shares. Only an author who keeps a journal asks, so a member without one learns
     * nothing; and an organiser who keeps a journal without receiving shares is never listed, so no member
     * learns that they keep one.
     */
    public List<Rep> reps(UUID accountId) {
        journal.requireKeyring(accountId);
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
        var names = journal.names(groupOf.keySet());
        List<Rep> reps = new ArrayList<>();
        groupOf.forEach((id, groupName) -> receivingKey(id).ifPresent(publicKey -> {
            if (names.containsKey(id)) {
                reps.add(new Rep(id, names.get(id), groupName, publicKey));
            }
        }));
        reps.sort(Comparator.comparing(Rep::name, String.CASE_INSENSITIVE_ORDER));
        return reps;
    }

    private Optional<String> receivingKey(UUID accountId) {
        return jdbc.sql("select public_key from journal_keyring where account_id = ? and receives_shares")
                .param(accountId).query(String.class).optional();
    }

    /** Whether the members of the groups this account organises may share entries with it. */
    public boolean receivesShares(UUID accountId) {
        journal.requireKeyring(accountId);
        return jdbc.sql("select receives_shares from journal_keyring where account_id = ?").param(accountId)
                .query(Boolean.class).single();
    }

    /**
     * Lists this account as a rep to the members of the groups it organises, who then see that it keeps a
     * journal, or stops that; what was shared before stays shared until its author takes it back.
     */
    @Transactional
    public void receiveShares(UUID accountId, boolean receive) {
        journal.requireKeyring(accountId);
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
            journal.owned(accountId, entry.entryId());
            Sealed sealed = Ciphertexts.sealed(new Sealed(entry.key(), entry.iv(), entry.data()), Ciphertexts.MAX_DATA);
            try {
                jdbc.sql(
                        "insert into journal_share_entry (share_id, entry_id, sealed_key, iv, data) values (?, ?, ?, ?, ?)")
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
        var names = journal.names(rows.stream().map(Row::repId).toList());
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
        var names = journal.names(rows.stream().map(Row::authorId).toList());
        Map<UUID, Received> received = new LinkedHashMap<>();
        rows.forEach(row -> received.computeIfAbsent(row.id(), id -> new Received(id, names.get(row.authorId()),
                row.sharedAt(), new ArrayList<>())).entries()
                .add(new SharedEntry(row.entryId(), row.sealedKey(), row.iv(), row.data())));
        return List.copyOf(received.values());
    }

    /** The author takes a share back: the rep's copies on the server go at once. */
    @Transactional
    public void revoke(UUID accountId, UUID shareId) {
        if (jdbc.sql("delete from journal_share where id = ? and author_id = ?").params(shareId, accountId)
                .update() == 0) {
            throw new DomainException.NotFound();
        }
        events.publishEvent(new JournalEvents.ShareRevoked(accountId));
    }
}
