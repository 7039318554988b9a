package org.staffroom.concerns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.ConcernEvents.AuthorAnswered;
import org.staffroom.concerns.Concerns.Message;
import org.staffroom.concerns.Concerns.Row;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * The private conversation between a concern's author and the group's organisers; an anonymous author takes
 * part through the receipt, and their messages wait in the pool like everything else they do.
 */
@Service
public class ConcernConversation {

    static final int MAX_MESSAGE = 3000;

    private final JdbcClient jdbc;
    private final ConcernRows rows;
    private final GroupAccess access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConcernConversation(JdbcClient jdbc, ConcernRows rows, GroupAccess access, Accounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
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
                .filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(m -> new Message(m.fromAuthor(),
                m.fromAuthor() ? null
                        : Optional.ofNullable(organisers.get(m.organiserId())).map(AccountView::displayName)
                                .orElse(null),
                m.text(), m.sentOn(), !m.released())).toList();
    }

    /** An organiser, or the named author, writes in the private conversation. */
    @Transactional
    public void write(UUID accountId, UUID groupId, UUID concernId, String text) {
        Role role = access.requireMember(groupId, accountId);
        Row row = rows.find(groupId, concernId);
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
    void addMessage(Row row, boolean fromAuthor, @Nullable UUID organiserId, String rawText) {
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
                .params(UUID.randomUUID(), row.id(), Positions.next(jdbc, "concerns_message", "concern_id", row.id()),
                        fromAuthor,
                        organiserId, text, Times.today(clock))
                .update();
    }
}
