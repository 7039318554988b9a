package org.staffroom.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.WebSession;

import com.microsoft.playwright.Page;

/** A new instance: the first visit creates the first administrator, and the setup page then disappears. */
@IntegrationTest
@TestPropertySource(properties = "staffroom.test.context=empty-instance")
class SetupTest {

    @LocalServerPort
    int port;

    @Test
    void theFirstVisitCreatesTheFirstAdministrator() throws Exception {
        Page page = Pages.visitor();
        page.navigate(Pages.base(port) + "/");
        assertThat(page.url()).endsWith("/setup");
        PageChecks.Visited visited = new PageChecks.Visited();
        visited.axeOf(page);
        visited.html("setup", page.context().request().get(Pages.base(port) + "/setup").text());

        page.locator("input[name=email]").fill("first-admin@example.org");
        page.locator("input[name=displayName]").fill("First Admin");
        page.locator("input[name=password]").fill("password1234");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("input[name=password][aria-invalid=true]")).isVisible();
        visited.check(page, "setup-error");

        page.locator("input[name=password]").fill("kettle lighthouse umbrella seven");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pages.base(port) + "/");
        page.navigate(Pages.base(port) + "/admin");
        assertThat(page.locator("h1")).isVisible();
        assertThat(page.url()).endsWith("/admin");

        assertThat(new WebSession(port).get("/setup").status()).isEqualTo(404);
        assertThat(new WebSession(port).get("/").status()).isEqualTo(200);
        visited.assertClean();
    }
}
