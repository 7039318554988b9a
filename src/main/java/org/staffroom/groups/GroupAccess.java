package org.staffroom.groups;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.staffroom.shared.DomainException;

/**
 * Who may see a group and who may run it. A group is invisible to non-members: they get 404, so that its
 * existence does not leak. Members asking for organiser actions get 403.
 */
@Service
public class GroupAccess {

    private final JdbcClient jdbc;

    GroupAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Role> roleOf(UUID groupId, UUID accountId) {
        if (groupId == null || accountId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select role from groups_membership where group_id = ? and account_id = ?")
                .params(groupId, accountId).query(String.class).optional().map(Role::valueOf);
    }

    /** @throws DomainException.NotFound when the account is not a member */
    public Role requireMember(UUID groupId, UUID accountId) {
        return roleOf(groupId, accountId).orElseThrow(DomainException.NotFound::new);
    }

    /** @throws DomainException.NotFound for non-members, {@link DomainException.Forbidden} for members */
    public void requireOrganiser(UUID groupId, UUID accountId) {
        if (requireMember(groupId, accountId) != Role.ORGANISER) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
    }
}
