package org.staffroom.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, one browser per test run. Each test gets fresh contexts (their
 * own cookies), so several people can use the app side by side.
 */
public final class Browser {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    public static synchronized BrowserContext newContext() {
        return newContext(true);
    }

    /** A context with scripts turned off, to check that a page works without them. */
    public static synchronized BrowserContext newContextWithoutScripts() {
        return newContext(false);
    }

    private static BrowserContext newContext(boolean scripts) {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("staffroom.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        // bypassing CSP only lets the tests inject axe-core; the app's own scripts are checked by the CSP tests
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBypassCSP(true).setViewportSize(390, 844).setJavaScriptEnabled(scripts));
        context.setDefaultTimeout(15_000);
        // the quick-exit target is a real outside site; the sandbox has no network, so answer it locally
        context.route("https://www.bbc.co.uk/**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200).setContentType("text/html")
                        .setBody("<!DOCTYPE html><title>Weather</title><p>Weather")));
        return context;
    }
}
