package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Every form the pages post to, as the application's handler mappings list them (so a new form is in this
 * test the day it is added), sent hostile values in each of its fields: very long strings, control and null
 * characters, every Unicode plane, markup, SQL, numbers far too big, nothing, and every field twice. No
 * answer may be a 500; a page that comes back shows what it was sent escaped.
 */
@IntegrationTest
class HostileFormsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String SCRIPT = "<script>alert('hostile')</script>";
    private static final List<String> HOSTILE = List.of("x".repeat(10_000), "\u0000\u0001\u0007\u001b[31m",
            "\uD83C\uDFE5 \uD835\uDD18 \uFFFF \uDB40\uDC01 \u202Eevil", SCRIPT + "<img src=x onerror=alert(2)>",
            "'; drop table identity_account; --", "../../../../etc/passwd", "", "1" + "0".repeat(40), "-1",
            "2026-02-30", "25:99");
    /** Forms that would end the session the test runs in, or the account it runs as. */
    private static final Set<String> NOT_SENT = Set.of("/account/delete", "/account/sessions/revoke-all",
            "/account/sessions/{handle}/revoke", "/account/password", "/groups/{groupId}/leave");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.staffroom.concerns.ConcernRaising raising;

    @Autowired
    org.staffroom.concerns.Grievances grievances;

    @Autowired
    org.staffroom.concerns.Comments comments;

    @Autowired
    org.staffroom.identity.AnonymousTags tags;

    record Form(String path, List<String> fields) {
    }

    @Test
    void everyFormTakesHostileValuesWithoutA500AndShowsThemEscaped() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Hostile forms group");
        Person member = fixtures.member(groupId, organiser);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("groupId", groupId.toString());
        ids.put("memberId", member.id().toString());
        ids.put("networkId", fixtures.network(organiser, "Hostile forms network").toString());
        ids.put("meetingId", fixtures.meeting(organiser, groupId, "Hostile meeting").toString());
        ids.put("proposalId", fixtures.proposal(organiser, groupId, "Hostile vote").toString());
        ids.put("demandId", fixtures.demand(organiser, groupId, "Hostile demand").toString());
        UUID concernId = tags.actingAs(member.id(), Fixtures.PASSWORD, () -> raising.raise(member.id(), groupId,
                new org.staffroom.concerns.ConcernDraft("Hostile concern", "Details", "OTHER", "", false))).concernId();
        UUID adopted = tags.actingAs(member.id(), Fixtures.PASSWORD, () -> raising.raise(member.id(), groupId,
                new org.staffroom.concerns.ConcernDraft("Adopted concern", "Details", "OTHER", "", false))).concernId();
        ids.put("concernId", concernId.toString());
        ids.put("grievanceId", grievances.adopt(organiser.id(), groupId, adopted).toString());
        ids.put("commentId", comments.add(member.id(), groupId, org.staffroom.concerns.Comments.On.CONCERN, concernId,
                "A comment", true).toString());
        // from an address of its own: sign-in, receipts and join requests count attempts per client
        WebSession browser = WebSession.signedIn(port, ClientAddresses.next(), organiser.email(), Fixtures.PASSWORD);
        List<Form> forms = forms();
        assertThat(forms).as("forms the pages post to").hasSizeGreaterThan(60);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Form form : forms) {
            String path = fill(form.path(), ids);
            browser.get("/");
            for (String field : form.fields()) {
                for (String value : HOSTILE) {
                    Map<String, String> fields = plausible(form.fields());
                    fields.put(field, value);
                    check(failures, form, field + "=" + abbreviate(value), browser.post(path, fields));
                    requests++;
                }
            }
            check(failures, form, "nothing", browser.post(path, Map.of()));
            check(failures, form, "every field twice", browser.post(path + "?" + String.join("&",
                    form.fields().stream().map(f -> f + "=" + "a").toList()), plausible(form.fields())));
            requests += 2;
        }

        // whatever the forms stored, every page shows escaped
        int pages = 0;
        for (String path : pages()) {
            WebSession.Page page = browser.get(fill(path, ids));
            pages++;
            if (page.status() >= 500) {
                failures.add("GET " + path + ": " + page.status());
            } else if (page.body() != null && page.body().contains(SCRIPT)) {
                failures.add("GET " + path + " shows stored markup unescaped");
            }
        }

        assertThat(requests).isGreaterThan(1000);
        assertThat(pages).isGreaterThan(40);
        assertThat(failures).isEmpty();
        System.out.println("HostileFormsTest answers by status: " + statuses);
        // the forms were really taken in (not all refused at the door): many came back with their messages
        assertThat(statuses.getOrDefault(200, 0)).as("answers by status: %s", statuses).isGreaterThan(requests / 5);
        assertThat(statuses.getOrDefault(403, 0)).as("answers by status: %s", statuses).isLessThan(requests / 2);
    }

    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    private void check(List<String> failures, Form form, String what, WebSession.Page page) {
        statuses.merge(page.status(), 1, Integer::sum);
        String where = "POST " + form.path() + " with " + what + ": " + page.status();
        if (page.status() >= 500) {
            failures.add(where);
        } else if (page.body() != null && page.body().contains(SCRIPT)) {
            failures.add(where + " shows the markup it was sent unescaped");
        }
    }

    /** Each page form: its path and the fields its handler binds. */
    private List<Form> forms() {
        Map<String, Set<String>> forms = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/journal/data/") || NOT_SENT.contains(path)) {
                    continue;
                }
                forms.computeIfAbsent(path, p -> new LinkedHashSet<>()).addAll(fields(handler));
            }
        });
        List<Form> list = new ArrayList<>();
        forms.forEach((path, fields) -> list.add(new Form(path, List.copyOf(fields))));
        return list;
    }

    /** Every page a browser gets (not the API, not files), by its path pattern. */
    private List<String> pages() {
        Set<String> pages = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                        .filter(path -> !path.startsWith("/api/") && !path.startsWith("/journal/data/")
                                && !path.contains(".") && !path.startsWith("/error"))
                        .forEach(pages::add);
            }
        });
        return List.copyOf(pages);
    }

    private static Set<String> fields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(PathVariable.class)) {
                continue;
            }
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null) {
                fields.add(!param.name().isEmpty() ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getName());
            } else if (parameter.getType().isRecord()
                    && parameter.getType().getPackageName().startsWith("org.staffroom")) {
                for (RecordComponent component : parameter.getType().getRecordComponents()) {
                    fields.add(component.getName());
                }
            }
        }
        if (fields.isEmpty()) {
            fields.add("text");
        }
        return fields;
    }

    private static Map<String, String> plausible(List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field, "plausible"));
        return values;
    }

    private static String fill(String path, Map<String, String> ids) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(ids.getOrDefault(matcher.group(1),
                    UUID.randomUUID().toString())));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }
}
