package org.staffroom.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class GroupsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Api api() {
        return new Api(port);
    }

    @Test
    void signInWithPasswordGivesATokenThatShowsWhoIAm() {
        Person person = fixtures.person("nurse");
        Response token = api().post("/api/v1/auth/token", null,
                Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("expiresAt").asString()).isNotBlank();

        Response me = api().get("/api/v1/me", token.json().get("token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(person.email());
        assertThat(me.json().get("displayName").asString()).isEqualTo(person.displayName());
        assertThat(me.json().get("memberships").isArray()).isTrue();
    }

    @Test
    void aWrongPasswordIs401WithAProblemDocumentThatDoesNotSayWhetherTheAddressExists() {
        Person person = fixtures.person("nurse");
        Response wrongPassword = api().post("/api/v1/auth/token", null,
                Map.of("email", person.email(), "password", "not the password at all"));
        Response unknownAddress = api().post("/api/v1/auth/token", null,
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "not the password at all"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownAddress.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongPassword.json().get("detail").asString())
                .isEqualTo(unknownAddress.json().get("detail").asString());
    }

    @Test
    void withoutATokenTheApiAnswers401AndABadTokenToo() {
        assertThat(api().get("/api/v1/me", null).status()).isEqualTo(401);
        Response bad = api().get("/api/v1/me", "sr_not-a-real-token");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void creatingAGroupMakesMeItsOrganiser() {
        Person organiser = fixtures.person("organiser");
        Response created = api().post("/api/v1/groups", organiser.token(), Map.of(
                "name", "Ward 7 nurses", "employer", "City Hospital", "sector", "NHS_TRUST",
                "professions", "Nurses", "area", "BS2", "description", "Staffing on ward 7", "listed", true));
        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        assertThat(group.get("role").asString()).isEqualTo("ORGANISER");
        assertThat(group.get("memberCount").asLong()).isEqualTo(1);

        Response me = api().get("/api/v1/me", organiser.token());
        assertThat(me.json().get("memberships").get(0).get("groupId").asString()).isEqualTo(group.get("id").asString());
    }

    @Test
    void invalidGroupFieldsAre400WithTheFieldNamed() {
        Person organiser = fixtures.person("organiser");
        Response noName = api().post("/api/v1/groups", organiser.token(), Map.of("name", " ", "sector", "NHS_TRUST"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Response badSector = api().post("/api/v1/groups", organiser.token(),
                Map.of("name", "A group", "sector", "SPACE_AGENCY"));
        assertThat(badSector.status()).isEqualTo(400);
        assertThat(badSector.json().get("errors").get(0).get("field").asString()).isEqualTo("sector");

        Response tooLong = api().post("/api/v1/groups", organiser.token(),
                Map.of("name", "x".repeat(121), "sector", "OTHER"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("120");
        assertThat(api().get("/api/v1/groups", organiser.token()).json().size()).isZero();
    }

    @Test
    void brokenJsonWrongTypesAndWrongContentTypesAre4xxProblemsNever500() {
        Person organiser = fixtures.person("organiser");
        Response broken = api().postRaw("/api/v1/groups", organiser.token(), "application/json", "{\"name\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).startsWith("application/problem+json");

        Response wrongType = api().postRaw("/api/v1/groups", organiser.token(), "application/json",
                "{\"name\": [1,2], \"listed\": \"perhaps\"}");
        assertThat(wrongType.status()).isEqualTo(400);

        Response xml = api().postRaw("/api/v1/groups", organiser.token(), "application/xml", "<group/>");
        assertThat(xml.status()).isEqualTo(415);

        Response huge = api().postRaw("/api/v1/groups", organiser.token(), "application/json",
                "{\"name\": \"" + "x".repeat(100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);

        Response notAnId = api().get("/api/v1/groups/not-a-uuid", organiser.token());
        assertThat(notAnId.status()).isEqualTo(400);
    }

    @Test
    void aGroupIsInvisibleToNonMembersAndItsMemberListToMembers() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Community nurses");
        Person member = fixtures.member(groupId, organiser);
        Person outsider = fixtures.person("outsider");

        assertThat(api().get("/api/v1/groups/" + groupId, member.token()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/groups/" + groupId, outsider.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/groups/" + UUID.randomUUID(), outsider.token()).status()).isEqualTo(404);

        assertThat(api().get("/api/v1/groups/" + groupId + "/members", organiser.token()).json().size()).isEqualTo(2);
        assertThat(api().get("/api/v1/groups/" + groupId + "/members", member.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/groups/" + groupId + "/members", outsider.token()).status()).isEqualTo(404);
    }

    @Test
    void anInvitationAddsTheMembershipAndRespectsItsMaximumUses() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Home carers");
        Response invitation = api().post("/api/v1/groups/" + groupId + "/invitations", organiser.token(),
                Map.of("validDays", 7, "maxUses", 1));
        assertThat(invitation.status()).isEqualTo(201);
        String code = invitation.json().get("code").asString();
        assertThat(invitation.json().get("url").asString()).endsWith("/invitations/" + code);

        Person first = fixtures.person("carer");
        Person second = fixtures.person("carer");
        Response accepted = api().post("/api/v1/invitations/" + code + "/accept", first.token(), null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("role").asString()).isEqualTo("MEMBER");
        assertThat(api().post("/api/v1/invitations/" + code + "/accept", second.token(), null).status()).isEqualTo(410);
        assertThat(api().get("/api/v1/groups/" + groupId, second.token()).status()).isEqualTo(404);
    }

    @Test
    void membersCannotInviteUnlessTheGroupAllowsIt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Therapists");
        Person member = fixtures.member(groupId, organiser);
        assertThat(api().post("/api/v1/groups/" + groupId + "/invitations", member.token(), Map.of()).status())
                .isEqualTo(403);
        Person outsider = fixtures.person("outsider");
        assertThat(api().post("/api/v1/groups/" + groupId + "/invitations", outsider.token(), Map.of()).status())
                .isEqualTo(404);
        Response badDays = api().post("/api/v1/groups/" + groupId + "/invitations", organiser.token(),
                Map.of("validDays", 0));
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.json().get("errors").get(0).get("field").asString()).isEqualTo("validDays");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Response doc = api().get("/api/v1/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/groups/{groupId}/invitations")).isTrue();
        assertThat(paths.has("/api/v1/directory/groups")).isTrue();
        assertThat(paths.has("/api/v1/auth/token")).isTrue();
        assertThat(paths.has("/api/v1/groups/{groupId}/concerns/{concernId}/cosign")).isTrue();
        assertThat(paths.has("/api/v1/receipts/concern")).isTrue();
        assertThat(paths.has("/api/v1/groups/{groupId}/grievances/{grievanceId}/plan")).isTrue();
        assertThat(List.of("/api/v1/groups/{groupId}/meetings", "/api/v1/groups/{groupId}/meetings/{meetingId}.ics",
                "/api/v1/groups/{groupId}/meetings/{meetingId}/queue",
                "/api/v1/groups/{groupId}/meetings/{meetingId}/attendance",
                "/api/v1/groups/{groupId}/meetings/{meetingId}/minutes", "/api/v1/groups/{groupId}/momentum",
                "/api/v1/groups/{groupId}/meeting-settings", "/api/v1/groups/{groupId}/proposals",
                "/api/v1/groups/{groupId}/proposals/{proposalId}/ballots", "/api/v1/groups/{groupId}/demands",
                "/api/v1/groups/{groupId}/demands/{demandId}/events",
                "/api/v1/groups/{groupId}/demands/{demandId}/letter.pdf",
                "/api/v1/groups/{groupId}/ladder"))
                .as("meetings, decisions and demands").allMatch(paths::has);
        assertThat(paths.get("/api/v1/groups/{groupId}/proposals/{proposalId}/ballots").get("post").get("responses")
                .has("409"))
                .as("a second ballot is documented").isTrue();
    }
}
