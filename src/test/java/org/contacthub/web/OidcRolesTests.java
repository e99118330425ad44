package org.contacthub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class OidcRolesTests {

    @Test
    void mapsAppRolesFromTheTokenToHubRoles() {
        List<GrantedAuthority> roles = OidcRoles.hubRoles(List.of("ContactHub.Support", "viewer", "Finance.Approver"));

        assertThat(roles).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SUPPORT", "ROLE_VIEWER");
    }

    @Test
    void givesNoRoleWhenTheTokenNamesNone() {
        assertThat(OidcRoles.hubRoles(null)).isEmpty();
        assertThat(OidcRoles.hubRoles(List.of("Everyone"))).isEmpty();
    }
}
