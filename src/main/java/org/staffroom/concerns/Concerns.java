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
import org.staffroom.concerns.ConcernEvents.AuthorAnswered;
import org.staffroom.concerns.ConcernEvents.ConcernRaised;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.AccountView;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
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

    /** What the author is shown once: the concern and, for an anonymous one, its receipt. */
    public record Raised(UUID concernId, String receipt) {
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
     * in this request, so it cannot be worked out; {@code namedCosigners} lists only named co-signatures.
     */
    public record View(UUID id, UUID groupId, String title, String details, Category category, String affected,
            boolean anonymous, String authorName, boolean mine, LocalDate raisedOn, LocalDate editedOn,
            ConcernStatus status, int cosigns, boolean shared, int threshold, List<String> namedCosigners,
            Boolean cosignedByMe, boolean organiser, List<Message> conversation) {
    }

    /** A message of the private conversation; {@code organiserName} is null for the author's own. */
    public record Message(boolean fromAuthor, String organiserName, String text, LocalDate sentOn) {
    }

    public record Settings(int threshold, int retentionMonths, boolean membersCanAdopt) {
    }

    record Row(UUID id, UUID groupId, String title, String details, String category, String affected, UUID authorId,
            String authorTag, String status, LocalDate raisedOn, LocalDate editedOn, int visibleCosigns,
            boolean shared) {
    }

    private static final String COLUMNS = """
            id, group_id, title, details, category, affected, author_id, author_tag, status, raised_on, edited_on,
            visible_cosigns, shared""";

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final AnonymousTags tags;
    private final Accounts accounts;
    private final PasswordEncoder slowHash;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Concerns(JdbcClient jdbc, GroupAccess access, AnonymousTags tags, Accounts accounts, PasswordEncoder slowHash,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.tags = tags;
        this.accounts = accounts;
        this.slowHash = slowHash;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises a concern. An anonymous one is stored without the author and with its date only, and its receipt
     * is returned here once and never again.
     */
    @Transactional
    public Raised raise(UUID accountId, UUID groupId, ConcernDraft draft) {
        access.requireMember(groupId, accountId);
        Checked checked = check(draft);
        UUID id = UUID.randomUUID();
        String authorTag = tags.tag(accountId, scope(id));
        Receipt receipt = draft.isAnonymous() ? Receipt.generate() : null;
        jdbc.sql("""
                insert into concerns_concern (id, group_id, title, details, category, affected, author_id, author_tag,
                    receipt_lookup, receipt_hash, status, raised_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, groupId, checked.title(), checked.details(), checked.category().name(), checked.affected(),
                        receipt == null ? accountId : null, authorTag, receipt == null ? null : receipt.lookup(),
                        receipt == null ? null : slowHash.encode(receipt.secret()), Times.today(clock))
                .update();
        events.publishEvent(new ConcernRaised(groupId, id));
        return new Raised(id, receipt == null ? null : receipt.display());
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
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from concerns_concern where group_id = ? and status <> 'WITHDRAWN'"
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
                return new Cursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
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
                mine || organiser ? conversation(concernId) : List.of());
    }

    private boolean cosignedBy(UUID concernId, String tag) {
        return jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and tag = ?")
                .params(concernId, tag).query(Long.class).single() > 0;
    }

    Row find(UUID groupId, UUID concernId) {
        return jdbc.sql("select " + COLUMNS + " from concerns_concern where id = ? and group_id = ?")
                .params(concernId, groupId).query(Concerns::row).optional().orElseThrow(DomainException.NotFound::new);
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getString("title"),
                rs.getString("details"), rs.getString("category"), rs.getString("affected"),
                rs.getObject("author_id", UUID.class), rs.getString("author_tag"), rs.getString("status"),
                rs.getObject("raised_on", LocalDate.class), rs.getObject("edited_on", LocalDate.class),
                rs.getInt("visible_cosigns"), rs.getBoolean("shared"));
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
        jdbc.sql("""
                update concerns_concern set title = ?, details = ?, category = ?, affected = ?, edited_on = ?
                where id = ?""")
                .params(checked.title(), checked.details(), checked.category().name(), checked.affected(),
                        Times.today(clock), concernId)
                .update();
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
        jdbc.sql("update concerns_concern set status = 'WITHDRAWN', ended_on = ? where id = ?")
                .params(Times.today(clock), concernId).update();
    }

    /**
     * "This affects me too": once per member, named or anonymous. The member's tag for the concern is the
     * row's key, so a second attempt, however many run at once, is refused by the database.
     *
     * @return the count the group sees, which moves in batches
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
            jdbc.sql("insert into concerns_cosign (concern_id, tag, account_id) values (?, ?, ?)")
                    .params(concernId, tag, anonymous ? null : accountId).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("concern.alreadyCosigned");
        }
        long pending = jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and not released")
                .param(concernId).query(Long.class).single();
        if (pending >= BATCH) {
            return release(row);
        }
        return row.visibleCosigns();
    }

    /**
     * At the top of every hour (see {@link ConcernNotifications#hourly()}), whatever is pending becomes
     * visible, so that a count that moves cannot be matched to the one colleague who was online at that minute.
     */
    public void releaseHourly() {
        for (UUID concernId : jdbc.sql("select distinct concern_id from concerns_cosign where not released")
                .query(UUID.class).list()) {
            jdbc.sql("select " + COLUMNS + " from concerns_concern where id = ?").param(concernId)
                    .query(Concerns::row).optional().ifPresent(this::release);
        }
    }

    private int release(Row row) {
        jdbc.sql("update concerns_cosign set released = true where concern_id = ? and not released")
                .param(row.id()).update();
        int visible = jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and released")
                .param(row.id()).query(Integer.class).single();
        int threshold = settings(row.groupId()).threshold();
        boolean shared = visible >= threshold;
        jdbc.sql("update concerns_concern set visible_cosigns = ?, shared = ? where id = ?")
                .params(visible, shared, row.id()).update();
        return visible;
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

    /** The private conversation, oldest first. */
    List<Message> conversation(UUID concernId) {
        record MessageRow(boolean fromAuthor, UUID organiserId, String text, LocalDate sentOn) {
        }
        List<MessageRow> rows = jdbc.sql("""
                select from_author, organiser_id, text, sent_on from concerns_message where concern_id = ?
                order by position""").param(concernId).query(MessageRow.class).list();
        Map<UUID, AccountView> organisers = accounts.views(rows.stream().map(MessageRow::organiserId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return rows.stream().map(m -> new Message(m.fromAuthor(),
                m.fromAuthor() ? null : Optional.ofNullable(organisers.get(m.organiserId())).map(AccountView::displayName)
                        .orElse(null),
                m.text(), m.sentOn())).toList();
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

    void addMessage(Row row, boolean fromAuthor, UUID organiserId, String rawText) {
        String text = TextInput.multiline("text", rawText, MAX_MESSAGE, true);
        if (ConcernStatus.valueOf(row.status()) == ConcernStatus.WITHDRAWN) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        // one writer at a time per concern, so that positions do not collide
        jdbc.sql("select id from concerns_concern where id = ? for update").param(row.id()).query(UUID.class).single();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from concerns_message where concern_id = ?")
                .param(row.id()).query(Integer.class).single();
        jdbc.sql("""
                insert into concerns_message (id, concern_id, position, from_author, organiser_id, text, sent_on)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), row.id(), position, fromAuthor, organiserId, text, Times.today(clock))
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
