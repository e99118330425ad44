package org.contacthub.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's local users, from {@code contacthub.security.users} in config/. Passwords are bcrypt
 * hashes written as {@code {bcrypt}$2a$...}; a plain password is never accepted.
 *
 * @param users each user's name, hashed password and roles (VIEWER, SUPPORT, ADMIN)
 * @param rememberPasswordFor how long a user's correct password is remembered, so that API calls within
 *     it skip the bcrypt check; five minutes unless set, zero to check every request
 */
@ConfigurationProperties("contacthub.security")
record HubUsers(List<HubUser> users, Duration rememberPasswordFor) {

    HubUsers {
        users = users == null ? List.of() : List.copyOf(users);
        rememberPasswordFor = rememberPasswordFor == null ? Duration.ofMinutes(5) : rememberPasswordFor;
        users.forEach(HubUser::requireHash);
    }

    /** One local user. */
    record HubUser(String username, String password, List<String> roles) {

        void requireHash() {
            if (password == null || !password.startsWith("{bcrypt}")) {
                throw new IllegalStateException("User " + username + " needs a {bcrypt} password hash in config/");
            }
        }
    }
}
