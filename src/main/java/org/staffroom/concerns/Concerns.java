package org.staffroom.concerns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * Reading, editing, withdrawing and co-signing concerns, and deleting them when their time is up; raising
 * one is {@link ConcernRaising}'s, the private conversation with its author {@link ConcernConversation}'s. Every method checks who may do it first; nothing here stores who wrote or
 * co-signed anything anonymously (docs/anonymity.md).
 */
@Service
public class Concerns {

    public static final int PAGE_SIZE = 20;

    /**
     * What the author is shown once: the concern as they see it and, for an anonymous one, its receipt (the
     * group sees an anonymous concern only once the mixing job releases it).
     */
    public record Raised(UUID concernId, @Nullable String receipt, View view) {
    }

    /** A line of the group's list; never the author of an anonymous concern. */
    public record Summary(UUID id, String title, Category category, @Nullable String authorName, LocalDate raisedOn,
            ConcernStatus status, int cosigns, boolean shared) {
    }

    /** A page of the list, newest first, and the cursor of the next page (null on the last). */
    public record Page(List<Summary> concerns, @Nullable String next) {
    }

    /**
     * A concern as a member sees it. {@code cosignedByMe} is null when the member's signing secret is locked
     * in this request, so it cannot be worked out; {@code namedCosigners} lists only named co-signatures;
     * {@code waiting}: an anonymous concern the group will see with the next release (shown only to its author,
     * when raising it).
     */
    public record View(UUID id, UUID groupId, String title, String details, Category category, String affected,
            boolean anonymous, @Nullable String authorName, boolean mine, LocalDate raisedOn,
            @Nullable LocalDate editedOn, ConcernStatus status, int cosigns, boolean shared, int threshold,
            List<String> namedCosigners, @Nullable Boolean cosignedByMe, boolean organiser, List<Message> conversation,
            boolean waiting) {
    }

    /**
     * A message of the private conversation; {@code organiserName} is null for the author's own. {@code waiting}:
     * an anonymous author's message the organisers will see at the next release (shown only through the receipt).
     */
    public record Message(boolean fromAuthor, @Nullable String organiserName, String text, LocalDate sentOn,
            boolean waiting) {
    }

    public record Settings(int threshold, int retentionMonths, boolean membersCanAdopt) {
    }

    record Row(UUID id, UUID groupId, String title, String details, String category, String affected, UUID authorId,
            String authorTag, String status, LocalDate raisedOn, LocalDate editedOn, int visibleCosigns,
            boolean shared, boolean released) {
    }

    private final JdbcClient jdbc;
    private final ConcernRows rows;
    private final ConcernSettings settings;
    private final ConcernConversation conversation;
    private final GroupAccess access;
    private final AnonymousTags tags;
    private final Accounts accounts;
    private final Clock clock;

    Concerns(JdbcClient jdbc, ConcernRows rows, ConcernSettings settings, ConcernConversation conversation,
            GroupAccess access, AnonymousTags tags, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.settings = settings;
        this.conversation = conversation;
        this.access = access;
        this.tags = tags;
        this.accounts = accounts;
        this.clock = clock;
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
    public Page list(UUID accountId, UUID groupId, @Nullable String after) {
        access.requireMember(groupId, accountId);
        Cursor cursor = Cursor.parse(after);
        List<Row> rows = jdbc
                .sql("select " + ConcernRows.COLUMNS
                        + " from concerns_concern where group_id = ? and released and status <> 'WITHDRAWN'"
                        + (cursor == null ? "" : " and (raised_on < ? or (raised_on = ? and id < ?))")
                        + " order by raised_on desc, id desc limit ?")
                .params(cursor == null
                        ? List.of(groupId, PAGE_SIZE + 1)
                        : List.of(groupId, cursor.raisedOn(), cursor.raisedOn(), cursor.id(), PAGE_SIZE + 1))
                .query(ConcernRows::row).list();
        boolean more = rows.size() > PAGE_SIZE;
        List<Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<UUID, AccountView> authors = accounts.views(page.stream().map(Row::authorId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Summary> summaries = page.stream().map(r -> new Summary(r.id(), r.title(), Category.valueOf(r.category()),
                r.authorId() == null ? null : nameOf(authors.get(r.authorId())), r.raisedOn(),
                ConcernStatus.valueOf(r.status()), r.visibleCosigns(), r.shared())).toList();
        return new Page(summaries, more ? new Cursor(page.getLast().raisedOn(), page.getLast().id()).toString() : null);
    }

    private static @Nullable String nameOf(@Nullable AccountView account) {
        return account == null ? null : account.displayName();
    }

    /** Keyset position: the date and id of the last concern shown. */
    record Cursor(LocalDate raisedOn, UUID id) {

        static @Nullable Cursor parse(@Nullable String text) {
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
        Row row = rows.find(groupId, concernId);
        if (ConcernStatus.valueOf(row.status()) == ConcernStatus.WITHDRAWN && !accountId.equals(row.authorId())) {
            throw new DomainException.NotFound();
        }
        return view(accountId, role, row);
    }

    /** The concern as this member sees it. */
    View view(UUID accountId, Role role, Row row) {
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
                row.authorId() == null ? null
                        : accounts.find(row.authorId()).map(AccountView::displayName).orElse(null),
                mine, row.raisedOn(), row.editedOn(), ConcernStatus.valueOf(row.status()), row.visibleCosigns(),
                row.shared(), settings.settings(groupId).threshold(), named, cosignedByMe, organiser,
                mine || organiser ? conversation.conversation(concernId) : List.of(), !row.released());
    }

    private boolean cosignedBy(UUID concernId, String tag) {
        return jdbc.sql("select count(*) from concerns_cosign where concern_id = ? and tag = ?")
                .params(concernId, tag).query(Long.class).single() > 0;
    }

    /** The named author edits their concern; an anonymous author does it with the receipt. */
    @Transactional
    public void edit(UUID accountId, UUID groupId, UUID concernId, ConcernDraft draft) {
        access.requireMember(groupId, accountId);
        Row row = rows.find(groupId, concernId);
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
     * ({@link ConcernsPool#applyWaitingChanges}), so that the group does not see it change at the moment its
     * author did.
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

    @Transactional
    public void withdraw(UUID accountId, UUID groupId, UUID concernId) {
        access.requireMember(groupId, accountId);
        Row row = rows.find(groupId, concernId);
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
        Row row = rows.find(groupId, concernId);
        ConcernStatus status = ConcernStatus.valueOf(row.status());
        if (status == ConcernStatus.WITHDRAWN || status == ConcernStatus.CLOSED) {
            throw new DomainException.Conflict("concern.notOpen");
        }
        String tag = tags.tag(accountId, scope(concernId));
        if (tag.equals(row.authorTag())) {
            throw new DomainException.Conflict("concern.ownConcern");
        }
        try {
            jdbc.sql(
                    "insert into concerns_cosign (concern_id, tag, account_id, released, fresh) values (?, ?, ?, false, true)")
                    .params(concernId, tag, anonymous ? null : accountId).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("concern.alreadyCosigned");
        }
        return row.visibleCosigns();
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
            LocalDate cutoff = today.minusMonths(settings.settings(groupId).retentionMonths());
            deleted += jdbc.sql("""
                    delete from concerns_concern where group_id = ? and status in ('WITHDRAWN', 'CLOSED')
                    and ended_on < ?""").params(groupId, cutoff).update();
        }
        return deleted;
    }
}
