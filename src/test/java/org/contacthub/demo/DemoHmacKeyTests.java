package org.contacthub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHmacKeyTests {

    @TempDir
    Path data;

    @Test
    void writesANewKeyReadableByItsOwnerOnly() throws IOException {
        Path file = data.resolve("email").resolve("hmac.key");

        String key = DemoMailConfiguration.keptKey(file);

        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void givesTheSameKeyAfterARestart() throws IOException {
        Path file = data.resolve("hmac.key");
        String first = DemoMailConfiguration.keptKey(file);

        String again = DemoMailConfiguration.keptKey(file);

        assertThat(again).isEqualTo(first);
    }
}
