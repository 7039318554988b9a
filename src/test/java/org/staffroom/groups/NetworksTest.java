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
        WebSession.Page created = adminPages.post("/admin/networks", Map.of("name", "City network", "description", "All of us"));
        assertThat(created.status()).isEqualTo(302);
        UUID networkId = UUID.fromString(created.location().replaceAll(".*/networks/", ""));
        adminPages.get("/networks/" + networkId);
        assertThat(adminPages.post("/networks/" + networkId + "/coordinators", Map.of("email", coordinator.email())).status())
                .isEqualTo(302);

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
        assertThat(networks.coordinatedBy(coordinator.id())).extracting(Networks.NetworkSummary::id).containsExactly(networkId);

        assertThat(catchThrowable(() -> networks.addCoordinator(stranger.id(), networkId, stranger.email())))
                .isInstanceOf(DomainException.Forbidden.class);
        networks.addCoordinator(coordinator.id(), networkId, stranger.email());
        assertThat(networks.isCoordinator(stranger.id(), networkId)).isTrue();

        networks.leave(organiser.id(), hidden, networkId);
        assertThat(networks.view(coordinator.id(), networkId).groups()).hasSize(1);
    }
}
