package org.staffroom.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keys the server holds outside the database, for the few values the server must read again but a copy of
 * the database or a backup must not: two-step sign-in secrets and the links waiting in the outbox.
 *
 * <p>The keys come from {@code STAFFROOM_KEYS} ({@code id:base64,id:base64}, the first seals, every one opens),
 * else from the file {@value #FILE} in the data directory, written with a new key on first start (owner
 * read/write only). Several servers share one database, so they must share the keys: set
 * {@code STAFFROOM_KEYS} on each. Rotation: put a new key first and keep the old one after it; what was
 * sealed under an old key is sealed again under the new one at start-up (docs/security.md).
 *
 * <p>A sealed value is {@code s1:<key id>:<base64 of nonce and AES-256-GCM ciphertext>}; the associated data
 * binds it to the row and column it belongs to, so it cannot be moved to another account.
 */
@Component
public class ServerKeys {

    static final String FILE = "server-keys";
    private static final String PREFIX = "s1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> keys;
    private final String current;

    @Autowired
    ServerKeys(@Value("${staffroom.keys:}") String configured, InstanceSettings settings) {
        this(configured.isBlank() ? fromFile(Path.of(settings.dataDir(), FILE)) : configured);
    }

    ServerKeys(String ring) {
        this.keys = parse(ring);
        this.current = keys.keySet().iterator().next();
    }

    /** Seals a value for the row and column named by {@code context}. */
    public String seal(String plaintext, String context) {
        byte[] sealed = Sealing.seal(java.util.Objects.requireNonNull(keys.get(current)),
                plaintext.getBytes(StandardCharsets.UTF_8),
                context.getBytes(StandardCharsets.UTF_8));
        return PREFIX + current + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** The value, or empty when it was sealed for something else, changed, or under a key this server lacks. */
    public Optional<String> open(String sealed, String context) {
        if (!isSealed(sealed)) {
            return Optional.empty();
        }
        String[] parts = sealed.split(":", 3);
        byte[] key = keys.get(parts[1]);
        if (key == null || parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Sealing.open(key, Base64.getDecoder().decode(parts[2]), context.getBytes(StandardCharsets.UTF_8))
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** True when the value is sealed under the key that seals now: nothing to rotate. */
    public boolean current(String sealed) {
        return isSealed(sealed) && sealed.startsWith(PREFIX + current + ":");
    }

    private static Map<String, byte[]> parse(String ring) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : ring.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("STAFFROOM_KEYS: each key is id:base64 (docs/security.md)");
            }
            String id = entry.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("STAFFROOM_KEYS: the key " + id + " is not base64");
            }
            if (key.length != 32 || !id.matches("[A-Za-z0-9_-]{1,32}") || keys.put(id, key) != null) {
                throw new IllegalStateException("STAFFROOM_KEYS: the key " + id
                        + " must be 32 bytes in base64, with an id of letters and digits used once");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("STAFFROOM_KEYS holds no key");
        }
        return keys;
    }

    /** A line {@code id:base64}, the way STAFFROOM_KEYS and the key file hold it. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return "k" + HexFormat.of().formatHex(id) + ":" + Base64.getEncoder().encodeToString(key);
    }

    private static String fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".new");
                try {
                    restrict(fresh);
                    Files.writeString(fresh, newKey() + "\n");
                    // two servers starting together on one data directory keep whichever key came first
                    Files.createLink(file, fresh);
                } catch (FileAlreadyExistsException e) {
                    // another process wrote it first
                } finally {
                    Files.deleteIfExists(fresh);
                }
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the server's key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
