package org.staffroom.directory;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.GroupActivity;
import org.staffroom.groups.Role;

/** For organisers: people asking to join, and approved requests whose link is still to be passed on. */
@Component
class JoinRequestsToDo implements GroupActivity {

    private final JdbcClient jdbc;
    private final GroupAccess access;

    JoinRequestsToDo(JdbcClient jdbc, GroupAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public List<Task> toDo(UUID groupId, UUID accountId) {
        if (access.requireMember(groupId, accountId) != Role.ORGANISER) {
            return List.of();
        }
        long waiting = jdbc.sql("select count(*) from directory_join_request where group_id = ?").param(groupId)
                .query(Long.class).single();
        return waiting == 0 ? List.of()
                : List.of(
                        new Task("toDo.joinRequests", String.valueOf(waiting), "/groups/" + groupId + "/join-requests",
                                null, false, false));
    }
}
