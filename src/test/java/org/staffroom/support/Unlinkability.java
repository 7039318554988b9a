package org.staffroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the anonymity audits look for in a dump of every table (see {@link DatabaseDump}). */
public final class Unlinkability {

    private Unlinkability() {
    }

    /** A UUID as text and as 16 raw bytes in either order of its halves (Java serialisation writes the low half first). */
    public static List<String> forms(UUID id) {
        return List.of(id.toString(), raw(id, false), raw(id, true));
    }

    private static String raw(UUID id, boolean lowFirst) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        if (lowFirst) {
            bytes.putLong(id.getLeastSignificantBits()).putLong(id.getMostSignificantBits());
        } else {
            bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        return new String(bytes.array(), StandardCharsets.ISO_8859_1);
    }

    /** The first column (the table) of every row that holds both something of {@code names} and of {@code acts}. */
    public static List<String> rowsLinking(List<List<String>> rows, List<String> names, List<String> acts) {
        List<String> linked = new ArrayList<>();
        for (List<String> row : rows) {
            String all = String.join("\u0000", row);
            if (names.stream().anyMatch(all::contains) && acts.stream().anyMatch(all::contains)) {
                linked.add(row.getFirst());
            }
        }
        return linked;
    }

    /** Fails if any value the database holds, used as an HMAC key, recomputes the tag: a server-side key would. */
    public static void assertNoStoredKeyRecomputes(List<List<String>> rows, String scope, String tag) throws Exception {
        for (List<String> row : rows) {
            for (String value : row.subList(1, row.size())) {
                if (!value.isEmpty()) {
                    assertThat(hmac(value.getBytes(StandardCharsets.ISO_8859_1), scope)).as(row.getFirst())
                            .isNotEqualTo(tag);
                }
            }
        }
    }

    private static String hmac(byte[] key, String scope) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(scope.getBytes(StandardCharsets.UTF_8)));
    }
}
