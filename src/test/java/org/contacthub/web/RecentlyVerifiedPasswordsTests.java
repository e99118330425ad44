package org.contacthub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentlyVerifiedPasswordsTests {

    private static final String HASH = "{counted}viewer-1";
    private static final String CHANGED_HASH = "{counted}viewer-2";

    private final CountingEncoder bcrypt = new CountingEncoder(Map.of(HASH, "right", CHANGED_HASH, "changed"));
    private final MovableClock clock = new MovableClock();
    private final RecentlyVerifiedPasswords passwords =
            new RecentlyVerifiedPasswords(bcrypt, Duration.ofMinutes(5), clock);

    @Test
    void checksACorrectPasswordOnceWhileItIsRemembered() {
        assertThat(passwords.matches("right", HASH)).isTrue();
        assertThat(passwords.matches("right", HASH)).isTrue();
        assertThat(passwords.matches("right", HASH)).isTrue();

        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void sendsEveryWrongPasswordToTheRealEncoder() {
        assertThat(passwords.matches("right", HASH)).isTrue();

        assertThat(passwords.matches("wrong", HASH)).isFalse();
        assertThat(passwords.matches("wrong", HASH)).isFalse();

        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void checksAgainOnceTheTimeIsUp() {
        passwords.matches("right", HASH);
        clock.advance(Duration.ofMinutes(5));

        assertThat(passwords.matches("right", HASH)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void checksAgainWhenTheStoredHashChanges() {
        passwords.matches("right", HASH);

        assertThat(passwords.matches("right", CHANGED_HASH)).isFalse();
        assertThat(passwords.matches("changed", CHANGED_HASH)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void remembersNothingWhenTheTimeIsZero() {
        RecentlyVerifiedPasswords never = new RecentlyVerifiedPasswords(bcrypt, Duration.ZERO, clock);

        never.matches("right", HASH);
        never.matches("right", HASH);

        assertThat(bcrypt.checks).isEqualTo(2);
    }

    /** Knows each stored hash's password, and counts every check it is asked for. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final Map<String, String> passwords;
        int checks;

        CountingEncoder(Map<String, String> passwords) {
            this.passwords = passwords;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("the tests only check passwords");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks++;
            return rawPassword.toString().equals(passwords.get(encodedPassword));
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
