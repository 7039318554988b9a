package org.staffroom.concerns;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.Concerns.Settings;
import org.staffroom.groups.GroupAccess;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * How a group handles concerns: how many co-signatures share a concern with the group, how long ended
 * concerns are kept, and whether members may adopt one as a grievance.
 */
@Service
public class ConcernSettings {

    static final int DEFAULT_THRESHOLD = 3;
    static final int DEFAULT_RETENTION_MONTHS = 12;

    private final JdbcClient jdbc;
    private final GroupAccess access;

    ConcernSettings(JdbcClient jdbc, GroupAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public Settings settings(UUID groupId) {
        return jdbc
                .sql("select threshold, retention_months, members_can_adopt from concerns_settings where group_id = ?")
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
