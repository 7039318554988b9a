package org.staffroom.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/** Adversarial review: the proposal form sent back (kind changed without JavaScript) is for members only. */
@IntegrationTest
class ProposalRefreshAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void nobodyOutsideTheGroupReadsItsMeetingTitleThroughTheRefreshButton() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Secret ward " + UUID.randomUUID().toString().substring(0, 6));
        UUID meetingId = fixtures.meeting(organiser, groupId, "Planning the walkout on ward 7");
        Person outsider = fixtures.person("manager");
        WebSession manager = WebSession.signedIn(port, outsider.email(), Fixtures.PASSWORD);

        assertThat(manager.get("/groups/" + groupId + "/proposals/new?meeting=" + meetingId).status())
                .as("the form itself is refused to a non-member").isIn(403, 404);
        WebSession.Page refreshed = manager.post("/groups/" + groupId + "/proposals",
                Map.of("refresh", "1", "meetingId", meetingId.toString(), "kind", "YES_NO"));
        assertThat(refreshed.status()).isIn(403, 404);
        assertThat(refreshed.body()).as("a non-member is not shown the group's meeting title")
                .doesNotContain("Planning the walkout on ward 7");
    }
}
