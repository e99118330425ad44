package org.contacthub.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * Gives a user who signs in through OIDC (for example Microsoft Entra ID) the hub roles named in
 * the token's {@code roles} claim: app roles called VIEWER, SUPPORT or ADMIN, with or without a
 * {@code ContactHub.} prefix. A user whose token names none of them gets no role and sees nothing.
 */
@Component
class OidcRoles implements GrantedAuthoritiesMapper {

    private static final Set<String> HUB_ROLES = Set.of("VIEWER", "SUPPORT", "ADMIN");

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> granted) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                mapped.addAll(hubRoles(oidc.getIdToken().getClaimAsStringList("roles")));
            }
        }
        return mapped;
    }

    static List<GrantedAuthority> hubRoles(List<String> claimed) {
        if (claimed == null) {
            return List.of();
        }
        return claimed.stream()
                .map(role -> role.toUpperCase(Locale.ROOT).replaceFirst("^CONTACTHUB\\.", ""))
                .filter(HUB_ROLES::contains)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
