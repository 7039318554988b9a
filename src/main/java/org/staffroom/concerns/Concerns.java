package org.staffroom.concerns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.concerns.ConcernEvents.AuthorAnswered;
import org.staffroom.concerns.ConcernEvents.ConcernRaised;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.AccountView;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * Raising, reading, editing, withdrawing and co-signing concerns, and the organisers' side of the private
 * conversation with an author. Every method checks who may do it first; nothing here stores who wrote or
 * co-signed anything anonymously (docs/anonymity.md).
 */
@Service
public class Concerns {

    public static final int PAGE_SIZE = 20;
    /** Pending co-signatures become visible once this many have come in, or at the next hour. */
    static final int BATCH = 3;
    static final int DEFAULT_THRESHOLD = 3;
    static final int DEFAULT_RETENTION_MONTHS = 12;
    static final int MAX_MESSAGE = 3000;

    /**
     * What the author is shown once: the concern as they see it and, for an anonymous one, its receipt (the
     * group sees an anonymous concern only once the mixing job releases it).
     */
    public record Raised(UUID concernId, String receipt, View view) {
    }

    /** A line of the group's list; never the author of an anonymous concern. */
    public record Summary(UUID id, String title, Category category, String authorName, LocalDate raisedOn,
            ConcernStatus status, int cosigns, boolean shared) {
    }

    /** A page of the list, newest first, and the cursor of the next page (null on the last). */
    public record Page(List<Summary> concerns, String next) {
    }

    /**
     * A concern as a member sees it. {@code cosignedByMe} is null when the member's signing secret is locked
     * in this request, so it cannot be worked out; {@code namedCosigners} lists only named co-signatures;
     * {@code waiting}: an anonymous concern the group will see with the next release (shown only to its author,
     * when raising it).
     */
    public record View(UUID id, UUID groupId, String title, String details, Category category, String affected,
            boolean anonymous, String authorName, boolean mine, LocalDate raisedOn, LocalDate editedOn,
            ConcernStatus status, int cosigns, boolean shared, int threshold, List<String> namedCosigners,
            Boolean cosignedByMe, boolean organiser, List<Message> conversation, boolean waiting) {
    }

    /**
     * A message of the private conversation; {@code organiserName} is null for the author's own. {@code waiting}:
     * an anonymous author's message the organisers will see at the next release (shown only through the receipt).
     */
    public record Message(boolean fromAuthor, String organiserName, String text, LocalDate sentOn, boolean waiting) {
    }

    public record Settings(int threshold, int retentionMonths, boolean membersCanAdopt) {
    }

    record Row(UUID id, UUID groupId, String title, String details, String category, String affected, UUID authorId,
            String authorTag, String status, LocalDate raisedOn, LocalDate editedOn, int visibleCosigns,
            boolean shared, boolean released) {
    }

    private static final String COLUMNS = """
            id, group_id, title, details, category, affected, author_id, author_tag, status, raised_on, edited_on,
            visible_cosigns, shared, released""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final GroupAccess access;
    private final AnonymousTags tags;
    private final Accounts accounts;
    private final PasswordEncoder slowHash;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Concerns(JdbcClient jdbc, GroupAccess access, AnonymousTags tags, Accounts accounts, PasswordEncoder slowHash,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.access = access;
        this.tags = tags;
        this.accounts = accounts;
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
    public Raised raise(UUID accountId, UUID groupId, ConcernDraft draft, String submissionKey) {
        // only a key as the form is given one (256 random bits, base64url): a chosen key would choose the receipt
        String key = submissionKey != null && submissionKey.matches("[A-Za-z0-9_-]{43}") ? submissionKey : null;
        for (int attempt = 1; ; attempt++) {
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
    private Raised raiseOnce(UUID accountId, UUID groupId, ConcernDraft draft, String key, boolean last) {
        access.requireMember(groupId, accountId);
        Checked checked = check(draft);
        if (key != null) {
            Optional<Raised> first = alreadyRaised(accountId, groupId, key);
            if (first.isPresent()) {
                return first.get();
            }
        }
        UUID id = UUID.randomUUID();
        String authorTag = tags.tag(accountId, scope(id));
        Receipt receipt = !draft.isAnonymous() ? null : key == null ? unusedReceipt() : derivedReceipt(accountId, key, last);
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
                view(accountId, access.requireMember(groupId, accountId), findWaitingToo(groupId, id)));
    }

    /** What a form with this one-time key raised in the group, if it was sent before: named or anonymous. */
    private Optional<Raised> alreadyRaised(UUID accountId, UUID groupId, String key) {
        Optional<UUID> named = jdbc.sql("""
                select id from concerns_concern where submission_hash = ? and group_id = ? and author_id = ?""")
                .params(SecretTokens.hash(key), groupId, accountId).query(UUID.class).optional();
        if (named.isPresent()) {
            return Optional.of(new Raised(named.get(), null,
                    view(accountId, access.requireMember(groupId, accountId), findWaitingToo(groupId, named.get()))));
        }
        Receipt receipt = Receipt.derivedFrom(receiptSeed(accountId, key));
        Optional<UUID> waiting = anonymousWithReceipt("concerns_waiting", groupId, receipt);
        if (waiting.isEmpty() && anonymousWithReceipt("concerns_concern", groupId, receipt).isPresent()) {
            // sent again after its release: the receipt is not shown again to whoever holds the old form
            throw new DomainException.Conflict("concern.alreadySent");
        }
        return waiting.map(id -> new Raised(id, receipt.display(),
                view(accountId, access.requireMember(groupId, accountId), findWaitingToo(groupId, id))));
    }

    /** The concern of the group in this table (waiting or released) whose receipt this is. */
    private Optional<UUID> anonymousWithReceipt(String table, UUID groupId, Receipt receipt) {
        return jdbc.sql("select id, receipt_hash from " + table + " where receipt_lookup = ? and group_id = ?")
                .params(receipt.lookup(), groupId)
                .query((rs, n) -> slowHash.matches(receipt.secret(), rs.getString("receipt_hash"))
                        ? rs.getObject("id", UUID.class) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
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

    record Checked(String title, String details, Category category, String affected) {
    }

    static Checked check(ConcernDraft draft) {
        String title = TextInput.line("title", draft.title(), ConcernDraft.MAX_TITLE, true);
        String details = TextInput.multiline("details", draft.details(), ConcernDraft.MAX_DETAILS, true);
        String affected = TextInput.line("affected", draft.affected(), ConcernDraft.MAX_AFFECTED, false);
        Category category;
        try {
            category = Category.valueOf(draft.category() == null ? "" : draft.category().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("category", "concern.category.invalid");
        }
        return new Checked(title, details, category, affected);
    }

    /** The scope of a member's tag for one concern: the same member always gets the same tag for it. */
    static String scope(UUID concernId) {
        return "concern:" + concernId;
    }

    /** Newest first, by date and then a fixed order within a day; withdrawn concerns are left out. */
    public Page list(UUID accountId, UUID groupId, String after) {
        access.requireMember(groupId, accountId);
        Cursor cursor = Cursor.parse(after);
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from concerns_concern where group_id = ? and released and status <> 'WITHDRAWN'"
                + (cursor == null ? "" : " and (raised_on < ? or (raised_on = ? and id < ?))")
                + " order by raised_on desc, id desc limit ?")
                .params(cursor == null
                        ? List.of(groupId, PAGE_SIZE + 1)
                        : List.of(groupId, cursor.raisedOn(), cursor.raisedOn(), cursor.id(), PAGE_SIZE + 1))
                .query(Concerns::row).list();
        boolean more = rows.size() > PAGE_SIZE;
        List<Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<UUID, AccountView> authors = accounts.views(page.stream().map(Row::authorId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Summary> summaries = page.stream().map(r -> new Summary(r.id(), r.title(), Category.valueOf(r.category()),
                r.authorId() == null ? null : nameOf(authors.get(r.authorId())), r.raisedOn(),
                ConcernStatus.valueOf(r.status()), r.visibleCosigns(), r.shared())).toList();
        Row last = page.isEmpty() ? null : page.getLast();
        return new Page(summaries, more ? new Cursor(last.raisedOn(), last.id()).toString() : null);
    }

    private static String nameOf(AccountView account) {
        return account == null ? null : account.displayName();
    }

    /** Keyset position: the date and id of the last concern shown. */
    record Cursor(LocalDate raisedOn, UUID id) {
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split("_", 2);
            try {
                return new Cursor(DateInput.within("after", LocalDate.parse(parts[0])), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidInput("after", "concern.cursor.invalid");
            }
        }

        @Override
        public String toString() {
            return raisedOn + "_" + id;
        }
    }

    public View get(UUID accountId, UUID groupId, UUID concernId) {
        Role role = access.requireMember(groupId, accountId);
        Row row = find(groupId, concernId);
        if (ConcernStatus.valueOf(row.status()) == ConcernStatus.WITHDRAWN && !accountId.equals(row.authorId())) {
            throw new DomainException.NotFound();
        }
        return view(accountId, role, row);
    }

    private View view(UUID accountId, Role role, Row row) {
        UUID concernId = row.id();
        UUID groupId = row.groupId();
        boolean mine = accountId.equals(row.authorId());
        boolean organiser = role == Role.ORGANISER;
        List<String> named = accounts.views(jdbc.sql("""
                select account_id from concerns_cosign where concern_id = ? and released and account_id is not null""")
                .param(concernId).query(UUID.class).list()).values().stream().map(AccountView::displayName).sorted()
                .toList();
        Boolean cosignedByMe = tags.tagIfUnlocked(accountId, scope(concernId)).map(tag -> cosignedBy(concernId, tag))
                .orElse(null);
        return new View(row.id(), row.groupId(), row.title(), row.details(), Category.valueOf(row.category()),
                row.affected(), row.authorId() == null,
                row.authorId() == null ? null : accounts.find(row.authorId()).map(AccountView::displayName).orElse(null),
                mine, row.raisedOn(), row.editedOn(), ConcernStatus.valueOf(row.status()), row.visibleCosigns(),
                row.shared(), settings(groupId).threshold(), named, cosignedByMe, organiser,
                mine || organiser ? conversation(concernId) : List.of(), !row.released());
    }

    private boolean cosignedBy(UUID concernId, String tag) {
        return jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and tag = ?")
                .params(concernId, tag).query(Long.class).single() > 0;
    }

    /** A concern the group can see: not one still waiting in the pool. */
    Row find(UUID groupId, UUID concernId) {
        Row row = findWaitingToo(groupId, concernId);
        if (!row.released()) {
            throw new DomainException.NotFound();
        }
        return row;
    }

    /** Any concern of the group, also one waiting in the pool: for its author's receipt. */
    Row findWaitingToo(UUID groupId, UUID concernId) {
        return jdbc.sql("select " + COLUMNS + " from concerns_concern where id = ? and group_id = ?")
                .params(concernId, groupId).query(Concerns::row).optional()
                .or(() -> jdbc.sql("select " + WAITING_COLUMNS + " from concerns_waiting where id = ? and group_id = ?")
                        .params(concernId, groupId).query(Concerns::row).optional())
                .orElseThrow(DomainException.NotFound::new);
    }

    /** A waiting concern's columns as {@link #row} reads them: anonymous, no co-signatures, not released. */
    private static final String WAITING_COLUMNS = """
            id, group_id, title, details, category, affected, null author_id, author_tag, status, raised_on,
            edited_on, 0 visible_cosigns, false shared, false released""";

    /**
     * Moves the waiting anonymous concerns into the group's list (for {@link ConcernsPool}, at the end of a
     * release period), in a random order: written by the job, each takes a place that says only that it was
     * released now.
     *
     * @return the concerns released, in the order they were moved
     */
    List<Released> releaseWaiting() {
        // ids are random, so their order is too
        List<Released> waiting = jdbc.sql("select id, group_id from concerns_waiting order by id")
                .query(Released.class).list();
        for (Released concern : waiting) {
            jdbc.sql("""
                    insert into concerns_concern (id, group_id, title, details, category, affected, author_tag,
                        receipt_lookup, receipt_hash, status, raised_on, edited_on, ended_on)
                    select id, group_id, title, details, category, affected, author_tag, receipt_lookup,
                        receipt_hash, status, raised_on, edited_on, ended_on
                    from concerns_waiting where id = ?""").param(concern.id()).update();
            jdbc.sql("delete from concerns_waiting where id = ?").param(concern.id()).update();
        }
        return waiting;
    }

    record Released(UUID id, UUID groupId) {
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getString("title"),
                rs.getString("details"), rs.getString("category"), rs.getString("affected"),
                rs.getObject("author_id", UUID.class), rs.getString("author_tag"), rs.getString("status"),
                rs.getObject("raised_on", LocalDate.class), rs.getObject("edited_on", LocalDate.class),
                rs.getInt("visible_cosigns"), rs.getBoolean("shared"), rs.getBoolean("released"));
    }

    /** The named author edits their concern; an anonymous author does it with the receipt. */
    @Transactional
    public void edit(UUID accountId, UUID groupId, UUID concernId, ConcernDraft draft) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, concernId);
        if (!accountId.equals(row.authorId())) {
            throw new DomainException.Forbidden("concern.authorOnly");
        }
        update(concernId, row, draft);
    }

    void update(UUID concernId, Row row, ConcernDraft draft) {
        if (ConcernStatus.valueOf(row.status()) != ConcernStatus.OPEN) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        Checked checked = check(draft);
        jdbc.sql("update " + (row.released() ? "concerns_concern" : "concerns_waiting") + """
                 set title = ?, details = ?, category = ?, affected = ?, edited_on = ?, fresh = ?
                where id = ?""")
                .params(checked.title(), checked.details(), checked.category().name(), checked.affected(),
                        Times.today(clock), !row.released(), concernId)
                .update();
    }

    /**
     * An anonymous author's edit of a concern the group already sees: kept until the end of the release period
     * ({@link #applyWaitingChanges}), so that the group does not see it change at the moment its author did.
     */
    void updateLater(Row row, ConcernDraft draft) {
        requireOpenAndNotWithdrawing(row);
        Checked checked = check(draft);
        jdbc.sql("""
                update concerns_concern set pending_title = ?, pending_details = ?, pending_category = ?,
                    pending_affected = ?, fresh = true
                where id = ?""")
                .params(checked.title(), checked.details(), checked.category().name(), checked.affected(), row.id())
                .update();
    }

    /** An anonymous author's withdrawal of a concern the group already sees: kept, as {@link #updateLater}. */
    void withdrawLater(Row row) {
        requireOpenAndNotWithdrawing(row);
        jdbc.sql("update concerns_concern set pending_withdrawal = true, fresh = true where id = ?").param(row.id())
                .update();
    }

    private void requireOpenAndNotWithdrawing(Row row) {
        boolean withdrawing = jdbc.sql("select pending_withdrawal from concerns_concern where id = ?").param(row.id())
                .query(Boolean.class).single();
        if (withdrawing || ConcernStatus.valueOf(row.status()) != ConcernStatus.OPEN) {
            throw new DomainException.Conflict("concern.notOpen");
        }
    }

    /**
     * Applies the anonymous authors' waiting edits and withdrawals (the mixing job, at the end of a release
     * period). A concern the organisers have since moved on from keeps what it said.
     *
     * @return how many concerns changed
     */
    int applyWaitingChanges() {
        int changed = jdbc.sql("""
                update concerns_concern set title = pending_title, details = pending_details,
                    category = pending_category, affected = pending_affected, edited_on = ?
                where pending_title is not null and status = 'OPEN'""").param(Times.today(clock)).update();
        changed += jdbc.sql("""
                update concerns_concern set status = 'WITHDRAWN', ended_on = ?
                where pending_withdrawal and status = 'OPEN'""").param(Times.today(clock)).update();
        jdbc.sql("""
                update concerns_concern set pending_title = null, pending_details = null, pending_category = null,
                    pending_affected = null, pending_withdrawal = false
                where pending_title is not null or pending_withdrawal""").update();
        return changed;
    }

    @Transactional
    public void withdraw(UUID accountId, UUID groupId, UUID concernId) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, concernId);
        if (!accountId.equals(row.authorId())) {
            throw new DomainException.Forbidden("concern.authorOnly");
        }
        markWithdrawn(concernId, row);
    }

    void markWithdrawn(UUID concernId, Row row) {
        if (ConcernStatus.valueOf(row.status()) != ConcernStatus.OPEN) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        jdbc.sql("update " + (row.released() ? "concerns_concern" : "concerns_waiting")
                + " set status = 'WITHDRAWN', ended_on = ?, fresh = ? where id = ?")
                .params(Times.today(clock), !row.released(), concernId).update();
    }

    /**
     * "This affects me too": once per member, named or anonymous. The member's tag for the concern is the
     * row's key, so a second attempt, however many run at once, is refused by the database. The co-signature
     * waits in the pool: the count the group sees moves only when the mixing job releases a batch.
     *
     * @return the count the group sees, which this request never moves
     */
    @Transactional
    public int cosign(UUID accountId, UUID groupId, UUID concernId, boolean anonymous) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, concernId);
        ConcernStatus status = ConcernStatus.valueOf(row.status());
        if (status == ConcernStatus.WITHDRAWN || status == ConcernStatus.CLOSED) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        String tag = tags.tag(accountId, scope(concernId));
        if (tag.equals(row.authorTag())) {
            throw new DomainException.Conflict("concern.ownConcern");
        }
        try {
            jdbc.sql("insert into concerns_cosign (concern_id, tag, account_id, released, fresh) values (?, ?, ?, false, true)")
                    .params(concernId, tag, anonymous ? null : accountId).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("concern.alreadyCosigned");
        }
        return row.visibleCosigns();
    }

    /**
     * Releases the concern's waiting co-signatures (for {@link ConcernsPool}, in the mixing job): the count the
     * group sees moves, and the concern is shared by many once it reaches the group's threshold.
     *
     * @return how many were released
     */
    int releaseCosigns(UUID concernId) {
        int released = jdbc.sql("update concerns_cosign set released = true where concern_id = ? and not released")
                .param(concernId).update();
        int visible = jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and released")
                .param(concernId).query(Integer.class).single();
        jdbc.sql("select group_id from concerns_concern where id = ?").param(concernId).query(UUID.class).optional()
                .ifPresent(groupId -> jdbc.sql("update concerns_concern set visible_cosigns = ?, shared = ? where id = ?")
                        .params(visible, visible >= settings(groupId).threshold(), concernId).update());
        return released;
    }

    /**
     * Every night, withdrawn and closed concerns older than their group's retention are deleted for good,
     * with their co-signatures and conversation; a grievance that came from one keeps its own record.
     *
     * @return how many were deleted
     */
    @Transactional
    public int deleteExpired() {
        int deleted = 0;
        LocalDate today = Times.today(clock);
        for (UUID groupId : jdbc.sql("""
                select distinct group_id from concerns_concern where status in ('WITHDRAWN', 'CLOSED')""")
                .query(UUID.class).list()) {
            LocalDate cutoff = today.minusMonths(settings(groupId).retentionMonths());
            deleted += jdbc.sql("""
                    delete from concerns_concern where group_id = ? and status in ('WITHDRAWN', 'CLOSED')
                    and ended_on < ?""").params(groupId, cutoff).update();
        }
        return deleted;
    }

    /** The private conversation, oldest first, as the organisers see it. */
    List<Message> conversation(UUID concernId) {
        return conversation(concernId, false);
    }

    /**
     * The private conversation, oldest first; with {@code waiting}, the anonymous author's messages not yet
     * released follow (for the receipt's holder only).
     */
    List<Message> conversation(UUID concernId, boolean waiting) {
        record MessageRow(boolean fromAuthor, UUID organiserId, String text, LocalDate sentOn, boolean released) {
        }
        List<MessageRow> rows = jdbc.sql("""
                select from_author, organiser_id, text, sent_on, released from concerns_message where concern_id = ?
                """ + (waiting ? "" : " and released") + " order by released desc, position, id")
                .param(concernId).query(MessageRow.class).list();
        Map<UUID, AccountView> organisers = accounts.views(rows.stream().map(MessageRow::organiserId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return rows.stream().map(m -> new Message(m.fromAuthor(),
                m.fromAuthor() ? null : Optional.ofNullable(organisers.get(m.organiserId())).map(AccountView::displayName)
                        .orElse(null),
                m.text(), m.sentOn(), !m.released())).toList();
    }

    /** An organiser, or the named author, writes in the private conversation. */
    @Transactional
    public void write(UUID accountId, UUID groupId, UUID concernId, String text) {
        Role role = access.requireMember(groupId, accountId);
        Row row = find(groupId, concernId);
        boolean author = accountId.equals(row.authorId());
        if (!author && role != Role.ORGANISER) {
            throw new DomainException.Forbidden("concern.conversationPrivate");
        }
        addMessage(row, author, author ? null : accountId, text);
        if (!author) {
            events.publishEvent(new AuthorAnswered(groupId, concernId, row.authorId()));
        }
    }

    /**
     * Adds a message. An anonymous author's waits in the pool without a place in the conversation; it takes the
     * next one when it is released (see {@link ConcernsPool}).
     */
    void addMessage(Row row, boolean fromAuthor, UUID organiserId, String rawText) {
        String text = TextInput.multiline("text", rawText, MAX_MESSAGE, true);
        if (ConcernStatus.valueOf(row.status()) == ConcernStatus.WITHDRAWN) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        if (fromAuthor && row.authorId() == null) {
            if (!row.released()) {
                throw new DomainException.Conflict("concern.notReleased");
            }
            jdbc.sql("""
                    insert into concerns_message (id, concern_id, position, from_author, organiser_id, text, sent_on,
                        released, fresh)
                    values (?, ?, null, true, null, ?, ?, false, true)""")
                    .params(UUID.randomUUID(), row.id(), text, Times.today(clock)).update();
            return;
        }
        jdbc.sql("""
                insert into concerns_message (id, concern_id, position, from_author, organiser_id, text, sent_on)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), row.id(), Positions.next(jdbc, "concerns_message", "concern_id", row.id()), fromAuthor,
                        organiserId, text, Times.today(clock))
                .update();
    }

    public Settings settings(UUID groupId) {
        return jdbc.sql("select threshold, retention_months, members_can_adopt from concerns_settings where group_id = ?")
                .param(groupId).query(Settings.class).optional()
                .orElse(new Settings(DEFAULT_THRESHOLD, DEFAULT_RETENTION_MONTHS, false));
    }

    /** Organisers set the threshold (2 to 100), how long ended concerns are kept (1 to 120 months). */
    @Transactional
    public void changeSettings(UUID accountId, UUID groupId, Integer threshold, Integer retentionMonths,
            Boolean membersCanAdopt) {
        access.requireOrganiser(groupId, accountId);
        if (threshold == null || threshold < 2 || threshold > 100) {
            throw new InvalidInput("threshold", "concern.threshold.invalid");
        }
        if (retentionMonths == null || retentionMonths < 1 || retentionMonths > 120) {
            throw new InvalidInput("retentionMonths", "concern.retention.invalid");
        }
        jdbc.sql("delete from concerns_settings where group_id = ?").param(groupId).update();
        jdbc.sql("""
                insert into concerns_settings (group_id, threshold, retention_months, members_can_adopt)
                values (?, ?, ?, ?)""")
                .params(groupId, threshold, retentionMonths, Boolean.TRUE.equals(membersCanAdopt)).update();
    }
}
