package org.staffroom.concerns;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.ConcernEvents.AuthorAnswered;
import org.staffroom.concerns.ConcernEvents.UpdatesChosen;
import org.staffroom.groups.Groups;

/**
 * The e-mails members choose: a new concern in my group, a concern shared by many, a reply to my concern.
 * Each says only that there is an update, with a link. New and shared concerns go out in the hourly digest,
 * never at the moment they happen: an e-mail sent at 14:03:12 would date an anonymous concern, or the
 * co-signature that completed a batch, to the second.
 */
@Component
public class ConcernNotifications {

    /** What a member has chosen; everything is off until they choose. */
    public record Choices(boolean newConcern, boolean shared, boolean replies) {
    }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final ApplicationEventPublisher events;

    ConcernNotifications(JdbcClient jdbc, Groups groups, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.events = events;
    }

    public Choices choices(UUID accountId) {
        return jdbc.sql("select new_concern, shared, replies from concerns_notify where account_id = ?")
                .param(accountId).query(Choices.class).optional().orElse(new Choices(false, false, false));
    }

    @Transactional
    public void choose(UUID accountId, Choices choices) {
        jdbc.sql("delete from concerns_notify where account_id = ?").param(accountId).update();
        jdbc.sql("insert into concerns_notify (account_id, new_concern, shared, replies) values (?, ?, ?, ?)")
                .params(accountId, choices.newConcern(), choices.shared(), choices.replies()).update();
    }

    /** One e-mail per group and kind to every member who chose it, the author of an anonymous concern included. */
    @Transactional
    public void announce() {
        for (UUID groupId : jdbc
                .sql("""
                        select distinct group_id from concerns_concern where released and not announced and status <> 'WITHDRAWN'""")
                .query(UUID.class).list()) {
            send(groupId, "new_concern");
            jdbc.sql("update concerns_concern set announced = true where group_id = ? and released and not announced")
                    .param(groupId).update();
        }
        for (UUID groupId : jdbc.sql("""
                select distinct group_id from concerns_concern where shared and not shared_announced
                and status <> 'WITHDRAWN'""").query(UUID.class).list()) {
            send(groupId, "shared");
            jdbc.sql("update concerns_concern set shared_announced = true where group_id = ? and shared")
                    .param(groupId).update();
        }
    }

    private void send(UUID groupId, String choice) {
        List<UUID> members = groups.memberIds(groupId);
        if (members.isEmpty()) {
            return;
        }
        List<UUID> chose = jdbc.sql("select account_id from concerns_notify where " + choice
                + " and account_id in (:ids)").param("ids", members).query(UUID.class).list();
        if (!chose.isEmpty()) {
            events.publishEvent(new UpdatesChosen(chose));
        }
    }

    /**
     * A named author who chose it hears, on the hour, that there is an update; an anonymous one cannot be
     * told. The e-mail names neither the group nor the concern.
     */
    @EventListener
    void on(AuthorAnswered answered) {
        if (answered.authorId() == null || !choices(answered.authorId()).replies()) {
            return;
        }
        events.publishEvent(new UpdatesChosen(List.of(answered.authorId())));
    }
}
