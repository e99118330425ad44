package org.contacthub.web;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Who may do what. Three roles, each including the one below it: VIEWER reads dashboards and lists,
 * SUPPORT also replays, discards and starts runs, ADMIN also reaches the actuator and administration.
 * Anything not listed here is denied. The API is stateless with HTTP Basic (for scripts and the
 * command line); pages use a login form, or single sign-on when an OIDC client is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Page and API areas; each flow's pages live under one of these. */
    static final String[] AREAS = {
        "/", "/dashboard/**", "/failed-messages/**", "/operations/**", "/api/**", "/v3/api-docs/**", "/swagger-ui/**"
    };

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_SUPPORT\nROLE_SUPPORT > ROLE_VIEWER");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfiguration::areaRules)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless requests carry credentials in every call and no cookie, so there is nothing to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
        http.authorizeHttpRequests(SecurityConfiguration::areaRules)
                .formLogin(form -> form.loginPage("/login").permitAll())
                // Lets a metrics scraper or a script reach the actuator with credentials.
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // A browser is always sent to the sign-in page: a Basic challenge on a page's font or image
                // would make the browser stop and ask for a password.
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login"));
        }
        return http.build();
    }

    private static void areaRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/login", "/error", "/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/actuator/**", "/admin/**", "/api/admin/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, AREAS)
                .hasRole("VIEWER")
                .requestMatchers(HttpMethod.POST, AREAS)
                .hasRole("SUPPORT")
                .anyRequest()
                .denyAll();
    }

    @Bean
    PasswordEncoder passwordEncoder(HubUsers configured) {
        return new RecentlyVerifiedPasswords(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                configured.rememberPasswordFor(),
                Clock.systemUTC());
    }

    /** Users from {@code contacthub.security.users}; passwords are stored hashed ({@code {bcrypt}...}). */
    @Bean
    UserDetailsService users(HubUsers configured) {
        List<org.springframework.security.core.userdetails.UserDetails> users = configured.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
