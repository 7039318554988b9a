package org.staffroom.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/**
 * The two checkers every page must pass: axe-core (WCAG 2.2 AA) inside the page, and the W3C Nu HTML
 * Checker on the HTML exactly as the server sent it. Both come from npm into test-tools/node_modules.
 */
public final class PageChecks {

    static final Path TOOLS = Path.of("test-tools", "node_modules");

    private PageChecks() {
    }

    /** Pages a test visits: axe runs on each as it is visited, the Nu checker on all of them at the end. */
    public static final class Visited {

        private final List<String> violations = new ArrayList<>();
        private final List<String[]> html = new ArrayList<>();

        /** Checks the page as it is now, with its HTML as the browser holds it. */
        public void check(Page page, String name) {
            html(name, page.content());
            violations.addAll(axe(page));
        }

        /** HTML for the Nu checker, for example exactly as the server sent it. */
        public void html(String name, String text) {
            html.add(new String[] {name, text});
        }

        /** A finding of the test's own, such as a page wider than a phone's screen. */
        public void violation(String finding) {
            violations.add(finding);
        }

        /** Runs axe on the page as it is now, for a test that takes the page's HTML some other way. */
        public void axeOf(Page page) {
            violations.addAll(axe(page));
        }

        /** Fails with every axe violation and every Nu checker error found. */
        public void assertClean() throws IOException, InterruptedException {
            org.assertj.core.api.Assertions.assertThat(violations).as("axe-core violations").isEmpty();
            org.assertj.core.api.Assertions.assertThat(nuErrors(html)).as("Nu HTML Checker errors").isEmpty();
        }
    }

    /**
     * The paths of every page axe has run on in this test JVM, for {@code PageCoverageTest} to hold against
     * the application's routes.
     */
    public static final Set<String> CHECKED_PATHS = ConcurrentHashMap.newKeySet();

    /**
     * Waits for the page to be complete with every stylesheet applied: axe run on a page whose CSS had not
     * been applied yet found every link too small to tap, on a busy machine.
     */
    static void awaitSettled(Page page) {
        page.waitForFunction("""
                () => document.readyState === 'complete'
                    && [...document.querySelectorAll('link[rel=stylesheet]')].every(link => {
                      try { return link.sheet !== null && link.sheet.cssRules.length > 0; } catch (e) { return false; }
                    })""");
    }

    /** The axe violations of the page as it is now, as "rule: target" lines. */
    public static List<String> axe(Page page) {
        awaitSettled(page);
        CHECKED_PATHS.add(URI.create(page.url()).getPath());
        // the tag goes once axe has run, so a later check of the same page (a script's page) sees only the app
        com.microsoft.playwright.ElementHandle tag = page.addScriptTag(
                new Page.AddScriptTagOptions().setPath(TOOLS.resolve("axe-core/axe.min.js")));
        Object result = page.evaluate(
                """
                        async () => {
                          const r = await axe.run(document, {runOnly: {type: 'tag',
                              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
                          return JSON.stringify(r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})));
                        }""");
        tag.evaluate("tag => tag.remove()");
        List<String> violations = new ArrayList<>();
        for (JsonNode violation : Api.JSON.readTree(result.toString())) {
            violations.add(page.url() + " " + violation.get("id").asString() + ": " + violation.get("nodes"));
        }
        clipped(page).forEach(control -> violations.add(page.url() + " clipped: " + control));
        return violations;
    }

    /**
     * The controls a person cannot see whole without scrolling sideways: every link, button, field and summary
     * shown on the page, measured against the viewport and against every ancestor that clips or scrolls its
     * content. A table that scrolls sideways hides its last column's buttons on a phone; this finds them.
     * Controls hidden on purpose (the skip link above the page until focused, text for screen readers only)
     * are left out.
     */
    public static List<String> clipped(Page page) {
        Object found = page.evaluate(
                """
                        () => {
                          const width = document.documentElement.clientWidth;
                          const found = [];
                          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                              + ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
                          const controls = document.querySelectorAll(
                              'a[href], button, input:not([type=hidden]), select, textarea, summary');
                          for (const el of controls) {
                            const box = el.getBoundingClientRect();
                            if (box.width < 2 || box.height < 2 || el.closest('.skip-link, .visually-hidden')
                                || getComputedStyle(el).visibility === 'hidden') {
                              continue;
                            }
                            if (box.left < -0.5 || box.right > width + 0.5) {
                              found.push(name(el) + ' spans ' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width + ' px');
                              continue;
                            }
                            for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
                              const style = getComputedStyle(up);
                              if (style.overflowX === 'visible' && style.overflowY === 'visible') {
                                continue;
                              }
                              const edge = up.getBoundingClientRect();
                              if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) {
                                found.push(name(el) + ' cut off by ' + up.tagName.toLowerCase() + '.' + [...up.classList].join('.'));
                                break;
                              }
                            }
                          }
                          return found;
                        }""");
        List<String> controls = new ArrayList<>();
        if (found instanceof List<?> list) {
            list.forEach(item -> controls.add(String.valueOf(item)));
        }
        return controls;
    }

    /** Runs the Nu checker once over the given pages (name, HTML) and returns its error messages. */
    public static List<String> nuErrors(List<String[]> pages) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("nu-check");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xss4m", "-jar", TOOLS.resolve("vnu-jar/build/dist/vnu.jar").toString(), "--errors-only",
                        "--format", "json"));
        for (int i = 0; i < pages.size(); i++) {
            Path file = dir.resolve(i + "-" + pages.get(i)[0].replaceAll("[^A-Za-z0-9]+", "_") + ".html");
            Files.writeString(file, pages.get(i)[1], StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String report = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the Nu checker did not finish");
        }
        String json = report.isBlank() ? new String(stdout, StandardCharsets.UTF_8) : report;
        List<String> errors = new ArrayList<>();
        for (JsonNode message : Api.JSON.readTree(json).get("messages")) {
            errors.add(message.get("url").asString().replaceAll(".*/", "") + ":" + message.path("lastLine").asInt()
                    + " " + message.get("message").asString());
        }
        return errors;
    }
}
