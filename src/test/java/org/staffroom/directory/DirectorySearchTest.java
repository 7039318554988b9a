package org.staffroom.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;

/**
 * The public directory page at phone width, searched the way a worker would: by their full postcode, by
 * their city, and by the everyday word for their job rather than the group's own wording.
 */
@IntegrationTest
class DirectorySearchTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Groups groups;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void aGroupInBS7IsFoundByAFullPostcodeByBristolAndByCarerButNotByLeeds() throws Exception {
        Person organiser = fixtures.person("organiser");
        String employer = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + " Homecare";
        groups.create(organiser.id(), new GroupDetails("Horfield Home Care Workers", employer, "PRIVATE_CARE_PROVIDER",
                "Care workers", "BS7", "Paid travel time", true, "", false));
        Page page = Pages.visitor();

        for (String words : new String[] {"BS7 8AB", "bs78ab", "Bristol", "carer"}) {
            search(page, words, employer);
            assertThat(page.locator(".card-list .card h3")).hasText("Horfield Home Care Workers");
            visited.check(page, "directory search " + words);
        }

        search(page, "Leeds", employer);
        assertThat(page.locator(".card-list")).hasCount(0);
        assertThat(page.locator("#results-heading + p")).containsText("No group in the directory matches");
        visited.check(page, "directory search with no match");
        visited.assertClean();
    }

    /** Searches through the form, as typed, narrowed by employer to this test's own group. */
    private void search(Page page, String words, String employer) {
        page.navigate(Pages.base(port) + "/directory");
        page.locator("#q").fill(words);
        page.locator("#employer").fill(employer);
        page.locator("form[role=search] button[type=submit]").click();
        assertThat(page.locator("#results-heading")).isVisible();
    }
}
