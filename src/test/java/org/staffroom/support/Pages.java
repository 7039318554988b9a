package org.staffroom.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** Steps that many browser tests share. */
public final class Pages {

    private Pages() {
    }

    public static String base(int port) {
        return "http://localhost:" + port;
    }

    /** Signs in through the real sign-in form in a new browser context and returns its page. */
    public static Page signedIn(int port, String email, String password) {
        BrowserContext context = Browser.newContext();
        Page page = context.newPage();
        signIn(page, port, email, password);
        return page;
    }

    /** Signs in through the sign-in form on this page, in its browser context (its cookies stay). */
    public static void signIn(Page page, int port, String email, String password) {
        signIn(page, port, email, password, false);
    }

    /**
     * Signs in through the sign-in form in a new browser context, ticking "This is my own phone or computer" (so
     * that signing out keeps the site's data in the browser), and returns its page.
     */
    public static Page signedInOnOwnDevice(int port, String email, String password) {
        Page page = Browser.newContext().newPage();
        signIn(page, port, email, password, true);
        return page;
    }

    private static void signIn(Page page, int port, String email, String password, boolean ownDevice) {
        page.navigate(base(port) + "/login");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        if (ownDevice) {
            page.getByLabel("This is my own phone or computer").check();
        }
        page.locator("form[action$='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    public static Page visitor() {
        return Browser.newContext().newPage();
    }
}
