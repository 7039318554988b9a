package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;

/**
 * Holds "every page passes axe and the Nu checker" to the application's own list of pages: every route that
 * answers GET with a page must have been checked, on some test's visit, by {@link PageChecks}. Runs last
 * (junit-platform.properties orders test classes by {@link Order}), and only when the whole suite runs: a run
 * of a few tests visits a few pages.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class PageCoverageTest {

    /** Routes answered with something other than a page, or only ever redirected; each with the reason. */
    static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/calendar/{token}.ics", "an iCalendar feed"),
            Map.entry("/groups/{groupId}/meetings/{meetingId}.ics", "an iCalendar file"),
            Map.entry("/groups/{groupId}/demands/{demandId}/letter.pdf", "a PDF letter"),
            Map.entry("/groups/{groupId}/demands/{demandId}/letter.txt", "a plain-text letter"),
            Map.entry("/groups/{groupId}/surveys/{surveyId}/results.csv", "a CSV file"),
            Map.entry("/groups/{groupId}/surveys/{surveyId}/results.pdf", "a PDF report"),
            Map.entry("/networks/{networkId}/surveys/{surveyId}/results.csv", "a CSV file"),
            Map.entry("/networks/{networkId}/surveys/{surveyId}/results.pdf", "a PDF report"),
            Map.entry("/journal/witness/{token}/sign-in", "only redirects, after signing in, to the witness page"),
            Map.entry("/leave", "the quick exit: signs out and redirects to the neutral site (QuickExitTest)"));

    /** The journal's API under the page's session, for its script: JSON, like /api/. */
    static final String JOURNAL_DATA = "/journal/data/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageTheApplicationServesHasBeenCheckedByAxe() {
        assumeTrue(Boolean.getBoolean("staffroom.whole-suite"), "only when the whole suite has run");
        Map<String, PathPattern> pages = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (answersGet(info)) {
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    String text = pattern.getPatternString();
                    if (!text.startsWith("/api/") && !text.startsWith(JOURNAL_DATA) && !text.startsWith("/error")
                            && !NOT_PAGES.containsKey(text)) {
                        pages.put(text, pattern);
                    }
                }
            }
        });
        assertThat(pages).as("pages the application serves").hasSizeGreaterThan(40);
        List<String> checked = List.copyOf(PageChecks.CHECKED_PATHS);
        TreeSet<String> unchecked = new TreeSet<>();
        pages.forEach((text, pattern) -> {
            if (checked.stream().noneMatch(path -> pattern.matches(PathContainer.parsePath(path)))) {
                unchecked.add(text);
            }
        });
        assertThat(unchecked).as("pages no test has checked with axe (checked: %s)", new TreeSet<>(checked)).isEmpty();
        assertThat(NOT_PAGES.keySet()).as("exemptions for routes that no longer exist")
                .allMatch(text -> mappings.getHandlerMethods().keySet().stream().anyMatch(info -> answersGet(info)
                        && info.getPathPatternsCondition().getPatterns().stream()
                                .anyMatch(pattern -> pattern.getPatternString().equals(text))));
    }

    private static boolean answersGet(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return info.getPathPatternsCondition() != null && (methods.isEmpty() || methods.contains(RequestMethod.GET));
    }
}
