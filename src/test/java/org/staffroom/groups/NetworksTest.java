package org.staffroom.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.shared.DomainException;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class NetworksTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Networks networks;

    @Test
    void administratorsCreateNetworksCoordinatorsAreNamedAndOrganisersBringTheirGroups() {
        Person admin = fixtures.administrator();
        Person coordinator = fixtures.person("coordinator");
        Person organiser = fixtures.person("organiser");
        Person stranger = fixtures.person("stranger");
        UUID listed = fixtures.group(organiser, "Listed home care");
        UUID hidden = fixtures.hiddenGroup(organiser, "Hidden ward");

        WebSession adminPages = WebSession.signedIn(port, admin.email(), Fixtures.PASSWORD);
        adminPages.get("/admin/networks");
        WebSession.Page created = adminPages.post("/admin/networks",
                Map.of("name", "City network", "description", "All of us"));
        assertThat(created.status()).isEqualTo(302);
        UUID networkId = UUID.fromString(created.location().replaceAll(".*/networks/", ""));
        adminPages.get("/networks/" + networkId);
        assertThat(adminPages.post("/networks/" + networkId + "/coordinators", Map.of("email", coordinator.email()))
                .status())
                .isEqualTo(302);
        assertThat(networks.isCoordinator(coordinator.id(), networkId)).as("not until they accept").isFalse();
        networks.answerOffer(coordinator.id(), networkId, true);

        assertThat(catchThrowable(() -> networks.create(organiser.id(), "Mine", "")))
                .isInstanceOf(DomainException.Forbidden.class);
        assertThat(catchThrowable(() -> networks.join(stranger.id(), listed, networkId)))
                .isInstanceOf(DomainException.NotFound.class);
        networks.join(organiser.id(), listed, networkId);
        networks.join(organiser.id(), hidden, networkId);

        assertThat(networks.view(coordinator.id(), networkId).groups()).extracting(Networks.NetworkGroup::name)
                .containsExactlyInAnyOrder("Listed home care", "Hidden ward");
        assertThat(networks.view(stranger.id(), networkId).groups()).extracting(Networks.NetworkGroup::name)
                .containsExactly("Listed home care");
        assertThat(networks.view(stranger.id(), networkId).coordinators()).containsExactly(coordinator.displayName());
        assertThat(networks.coordinatedBy(coordinator.id())).extracting(Networks.NetworkSummary::id)
                .containsExactly(networkId);

        assertThat(catchThrowable(() -> networks.addCoordinator(stranger.id(), networkId, stranger.email())))
                .isInstanceOf(DomainException.Forbidden.class);
        networks.addCoordinator(coordinator.id(), networkId, stranger.email());
        assertThat(networks.isCoordinator(stranger.id(), networkId)).isTrue();

        networks.leave(organiser.id(), hidden, networkId);
        assertThat(networks.view(coordinator.id(), networkId).groups()).hasSize(1);
    }

    @Test
    void askingSomeoneToCoordinateDoesNotSayWhetherTheirAddressHasAnAccount() {
        Person admin = fixtures.administrator();
        Person coordinator = fixtures.person("coordinator");
        Person asked = fixtures.person("nurse");
        UUID networkId = networks.create(admin.id(), "County network " + UUID.randomUUID(), "");
        networks.addCoordinator(admin.id(), networkId, coordinator.email());

        WebSession pages = WebSession.signedIn(port, coordinator.email(), Fixtures.PASSWORD);
        pages.get("/networks/" + networkId);
        WebSession.Page known = pages.post("/networks/" + networkId + "/coordinators", Map.of("email", asked.email()));
        WebSession.Page knownShown = pages.get(known.location().replace("http://localhost:" + port, ""));
        WebSession.Page unknown = pages.post("/networks/" + networkId + "/coordinators",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org"));
        WebSession.Page unknownShown = pages.get(unknown.location().replace("http://localhost:" + port, ""));
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.location()).isEqualTo(known.location());
        assertThat(withoutTokens(unknownShown.body())).as("the page after asking is the same either way")
                .isEqualTo(withoutTokens(knownShown.body()));
        assertThat(knownShown.body()).doesNotContain(asked.displayName());

        WebSession askedPages = WebSession.signedIn(port, asked.email(), Fixtures.PASSWORD);
        assertThat(askedPages.get("/").body()).contains("You are asked to coordinate");
        assertThat(askedPages.post("/networks/" + networkId + "/offer", Map.of("accept", "true")).status())
                .isEqualTo(302);
        assertThat(networks.isCoordinator(asked.id(), networkId)).isTrue();
        assertThat(askedPages.get("/").body()).doesNotContain("You are asked to coordinate");
        assertThat(askedPages.post("/networks/" + networkId + "/offer", Map.of("accept", "true")).status())
                .as("an offer is answered once").isEqualTo(404);
    }

    /** A page without what changes from one request to the next (CSRF tokens). */
    private static String withoutTokens(String body) {
        return body.replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"|value=\"[^\"]+\"\\s+name=\"_csrf\"", "")
                .replaceAll("data-csrf-token=\"[^\"]+\"", "");
    }
}
