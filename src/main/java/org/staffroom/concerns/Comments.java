package org.staffroom.concerns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.ConcernEvents.CommentHidden;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * Members discuss a concern or a grievance, with their name or without it (an anonymous comment stores no
 * author and only a date). Organisers hide an abusive comment: it stays, for the audit, shown as hidden.
 */
@Service
public class Comments {

    private final AnonymousRows rows;

    public enum On {
        CONCERN, GRIEVANCE
    }

    /**
     * A comment as a member sees it: {@code author} is null for an anonymous one, and {@code text} is null
     * for a hidden one unless the reader is an organiser.
     */
    public record Comment(UUID id, @Nullable String author, @Nullable String text, LocalDate postedOn, boolean hidden) {
    }

    static final int MAX_TEXT = 3000;

    private record Row(UUID id, UUID authorId, String text, LocalDate postedOn, boolean hidden) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Comments(JdbcClient jdbc, GroupAccess access, Accounts accounts, ApplicationEventPublisher events, Clock clock,
            AnonymousRows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    private static String column(On on) {
        return on == On.CONCERN ? "concern_id" : "grievance_id";
    }

    private static String parentTable(On on) {
        return on == On.CONCERN ? "concerns_concern" : "concerns_grievance";
    }

    /** @throws DomainException.NotFound when the concern or grievance is not in the group */
    private void requireParent(UUID groupId, On on, UUID parentId) {
        boolean found = jdbc.sql("select count(*) from " + parentTable(on) + " where id = ? and group_id = ?"
                + (on == On.CONCERN ? " and released and status <> 'WITHDRAWN'" : ""))
                .params(parentId, groupId).query(Long.class).single() > 0;
        if (!found) {
            throw new DomainException.NotFound();
        }
    }

    public List<Comment> list(UUID accountId, UUID groupId, On on, UUID parentId) {
        boolean organiser = access.requireMember(groupId, accountId) == Role.ORGANISER;
        requireParent(groupId, on, parentId);
        List<Row> rows = jdbc.sql("select id, author_id, text, posted_on, hidden from concerns_comment where "
                + column(on) + " = ? and released order by position").param(parentId).query(Row.class).list();
        Map<UUID, AccountView> authors = accounts.views(rows.stream().map(Row::authorId).filter(Objects::nonNull)
                .distinct().toList());
        return rows.stream().map(r -> new Comment(r.id(),
                r.authorId() == null ? null : name(authors.get(r.authorId())),
                r.hidden() && !organiser ? null : r.text(), r.postedOn(), r.hidden())).toList();
    }

    private static @Nullable String name(@Nullable AccountView account) {
        return account == null ? null : account.displayName();
    }

    @Transactional
    public UUID add(UUID accountId, UUID groupId, On on, UUID parentId, String rawText, boolean anonymous) {
        access.requireMember(groupId, accountId);
        requireParent(groupId, on, parentId);
        String text = TextInput.multiline("text", rawText, MAX_TEXT, true);
        UUID id = UUID.randomUUID();
        if (anonymous) {
            // waits in the pool, and takes its place in the discussion when it is released
            jdbc.sql("insert into concerns_comment (id, " + column(on)
                    + ", position, author_id, text, posted_on, hidden,"
                    + " released, fresh) values (?, ?, null, null, ?, ?, false, false, true)")
                    .params(id, parentId, text, Times.today(clock)).update();
            return id;
        }
        jdbc.sql("insert into concerns_comment (id, " + column(on)
                + ", position, author_id, text, posted_on, hidden) values (?, ?, ?, ?, ?, ?, false)")
                .params(id, parentId, Positions.next(jdbc, "concerns_comment", column(on), parentId), accountId, text,
                        Times.today(clock))
                .update();
        return id;
    }

    /** Organisers hide a comment (or show it again); the comment stays, and the audit log records who did it. */
    @Transactional
    public void hide(UUID accountId, UUID groupId, UUID commentId, boolean hidden) {
        access.requireOrganiser(groupId, accountId);
        long inGroup = jdbc.sql("""
                select count(*) from concerns_comment c
                left join concerns_concern cc on cc.id = c.concern_id
                left join concerns_grievance g on g.id = c.grievance_id
                where c.id = ? and (cc.group_id = ? or g.group_id = ?)""")
                .params(commentId, groupId, groupId).query(Long.class).single();
        if (inGroup == 0) {
            throw new DomainException.NotFound();
        }
        rows.lock(ConcernsPool.NAME); // the job may be writing the comment again (AnonymousPool)
        jdbc.sql("update concerns_comment set hidden = ?, hidden_by = ? where id = ?")
                .params(hidden, hidden ? accountId : null, commentId).update();
        events.publishEvent(new CommentHidden(groupId, accountId, hidden));
    }
}
