package org.contacthub.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks passwords with the real encoder (bcrypt, slow on purpose), but remembers each user's last
 * correct password for a short while, so that a script calling the stateless API, which sends its
 * credentials with every request, pays bcrypt once per few minutes rather than about 100 ms on every call.
 *
 * <p>Only a correct password is remembered, and only as an HMAC under a key made at start-up that never
 * leaves this object; a wrong password always goes to bcrypt, so guessing stays as slow as before.
 * Entries are kept by stored hash, one per user, so a changed password hash forgets the old one.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder encoder;
    private final Duration remember;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(byte[] digest, Instant until) {}

    /**
     * @param encoder the encoder that checks a password when it is not remembered
     * @param remember how long a correct password is remembered; zero remembers nothing
     */
    RecentlyVerifiedPasswords(PasswordEncoder encoder, Duration remember, Clock clock) {
        this.encoder = encoder;
        this.remember = remember;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || remember.isZero() || remember.isNegative()) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        byte[] digest = digest(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Verified known = verified.get(encodedPassword);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(encodedPassword, new Verified(digest, now.plus(remember)));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private byte[] digest(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
