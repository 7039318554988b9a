package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeysTest {

    @Test
    void whatIsSealedOpensOnlyForItsContextAndWithItsKey() {
        ServerKeys old = new ServerKeys(ServerKeys.newKey());
        String sealed = old.seal("JBSWY3DPEHPK3PXP", "identity_account.totp_secret:a");
        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP").startsWith("s1:");
        assertThat(old.open(sealed, "identity_account.totp_secret:a")).contains("JBSWY3DPEHPK3PXP");
        assertThat(old.open(sealed, "identity_account.totp_secret:b")).as("moved to another row").isEmpty();
        assertThat(new ServerKeys(ServerKeys.newKey()).open(sealed, "identity_account.totp_secret:a"))
                .as("a server with other keys").isEmpty();
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(old.open(tampered, "identity_account.totp_secret:a")).isEmpty();
        assertThat(old.open("JBSWY3DPEHPK3PXP", "identity_account.totp_secret:a")).as("plain text").isEmpty();
    }

    @Test
    void aRotatedRingOpensTheOldAndSealsUnderTheNew() {
        String oldKey = ServerKeys.newKey();
        String sealed = new ServerKeys(oldKey).seal("secret", "c");
        ServerKeys rotated = new ServerKeys(ServerKeys.newKey() + "," + oldKey);
        assertThat(rotated.open(sealed, "c")).contains("secret");
        assertThat(rotated.current(sealed)).isFalse();
        String again = rotated.seal("secret", "c");
        assertThat(rotated.current(again)).isTrue();
        assertThat(new ServerKeys(oldKey).open(again, "c")).as("the old key alone cannot open the new").isEmpty();
    }

    @Test
    void aKeyRingThatIsNotRightStopsTheServerWithAMessage() {
        assertThatThrownBy(() -> new ServerKeys("k1:c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ServerKeys("nocolon")).hasMessageContaining("id:base64");
        String key = ServerKeys.newKey();
        assertThatThrownBy(() -> new ServerKeys(key + "," + key)).hasMessageContaining("used once");
    }

    @Test
    void withoutConfiguredKeysTheServerWritesOneKeyFileOnlyItsOwnerReads(@TempDir Path dir) throws Exception {
        InstanceSettings settings = new InstanceSettings("http://localhost", "https://example.org", dir.toString(), 1);
        ServerKeys first = new ServerKeys("", settings);
        Path file = dir.resolve(ServerKeys.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal("secret", "c");
        assertThat(new ServerKeys("", settings).open(sealed, "c")).as("the next start reads the same key")
                .contains("secret");
        assertThat(dir.toFile().list()).containsExactly(ServerKeys.FILE);
    }
}
