package org.staffroom.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Links and images in minutes may lead only to http, https and mailto addresses, or within the site. */
class MinutesMarkdownTest {

    static final List<String> ATTACKS = List.of(
            "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "[a](DATA:text/html,<script>alert(1)</script>)",
            "[a](javascript:alert(1))",
            "[a](JaVaScRiPt:alert(1))",
            "![i](javascript:alert(1))",
            "[a](vbscript:msgbox(1))",
            "[a](&#106;avascript:alert(1))",
            "[a](javascript&colon;alert(1))",
            "[a](<java\tscript:alert(1)>)",
            "<javascript:alert(1)>",
            "<data:text/html,x>",
            "<vbscript:msgbox(1)>",
            "[a][ref]\n\n[ref]: data:text/html,x",
            "![i][img]\n\n[img]: data:image/png;base64,iVBORw0KGgo=",
            "[a](file:///etc/passwd)",
            "[a](blob:https://example.org/x)",
            "[a](filesystem:https://example.org/x)");

    static List<String> urls(String html) {
        Matcher matcher = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html);
        List<String> urls = new ArrayList<>();
        while (matcher.find()) {
            urls.add(matcher.group(1).replace("&amp;", "&").replace("&quot;", "\""));
        }
        return urls;
    }

    /** The scheme a browser would take from the address, after dropping tabs and line breaks as browsers do. */
    static String scheme(String url) {
        String cleaned = url.replaceAll("[\\t\\n\\r]", "").strip().toLowerCase(Locale.ROOT);
        Matcher matcher = Pattern.compile("^([a-z][a-z0-9+.-]*):").matcher(cleaned);
        return matcher.find() ? matcher.group(1) : "";
    }

    @Test
    void onlyWebAndMailAddressesSurvive() {
        for (String attack : ATTACKS) {
            String html = MeetingRecords.render(attack);
            for (String url : urls(html)) {
                assertThat(scheme(url)).as(attack + " -> " + html).isIn("", "http", "https", "mailto");
            }
            assertThat(html.toLowerCase(Locale.ROOT)).as(attack + " -> " + html)
                    .doesNotContain("href=\"data:").doesNotContain("src=\"data:")
                    .doesNotContain("href=\"javascript:").doesNotContain("href=\"vbscript:");
        }
    }

    @Test
    void webMailAndRelativeLinksStillWork() {
        String html = MeetingRecords.render("[site](https://example.org/a?b=1) [plain](http://example.org) "
                + "[mail](mailto:rep@example.org) [here](/groups) [top](#minutes) ![logo](https://example.org/logo.png)");
        assertThat(urls(html)).containsExactly("https://example.org/a?b=1", "http://example.org",
                "mailto:rep@example.org", "/groups", "#minutes", "https://example.org/logo.png");
    }
}
