package io.aftercare.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aftercare.identity.Role;

class SsoRolesTest {

    static final Map<Role, List<String>> MAPPING = Map.of(Role.LEAD, List.of("leads"), Role.ADMIN, List.of("admins"));

    @Test
    void mappedRolesFollowTheGroupsAndOthersStayAsTheyWere() {
        assertThat(SsoRoles.apply(Set.of(Role.RESPONDER, Role.LEAD, Role.COORDINATOR), List.of(), MAPPING, false))
            .containsExactlyInAnyOrder(Role.RESPONDER, Role.COORDINATOR);
        assertThat(SsoRoles.apply(Set.of(Role.RESPONDER), List.of("leads"), MAPPING, false))
            .containsExactlyInAnyOrder(Role.RESPONDER, Role.LEAD);
    }

    @Test
    void theBreakGlassAdminNeverLosesAdmin() {
        assertThat(SsoRoles.apply(Set.of(Role.RESPONDER, Role.ADMIN), List.of(), MAPPING, true))
            .containsExactlyInAnyOrder(Role.RESPONDER, Role.ADMIN);
        assertThat(SsoRoles.apply(Set.of(Role.RESPONDER, Role.ADMIN), List.of(), MAPPING, false))
            .containsExactly(Role.RESPONDER);
    }

    @Test
    void noMappingForAdminMeansNoGroupGivesIt() {
        assertThat(SsoRoles.apply(Set.of(Role.RESPONDER), List.of("ADMIN", "admins"),
            Map.of(Role.LEAD, List.of("leads")), false)).containsExactly(Role.RESPONDER);
    }

    @Test
    void onlyAPlainTrueVerifiesAnEmail() {
        assertThat(SsoSignIn.verified(true)).isTrue();
        assertThat(SsoSignIn.verified("true")).isTrue();
        assertThat(SsoSignIn.verified(null)).isFalse();
        assertThat(SsoSignIn.verified(false)).isFalse();
        assertThat(SsoSignIn.verified("yes")).isFalse();
    }
}
