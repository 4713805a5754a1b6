package io.aftercare.identity.sso;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.aftercare.identity.Role;

/**
 * {@code aftercare.sso.*}: what Aftercare does with a person an OpenID Connect provider signed in. The provider itself
 * is Spring's {@code spring.security.oauth2.client.registration.*} (docs/sso.md); these apply only when one is set.
 *
 * @param provisioning        whether a verified e-mail that matches no one adds the person (with the mapped roles);
 *                            when false, only people already in Aftercare can sign in this way
 * @param emailVerifiedClaim  the claim that must be {@code true} for the e-mail to be trusted (always required;
 *                            Entra ID names it {@code xms_edov})
 * @param groupsClaim         the claim listing the person's groups (or roles) at the provider
 * @param roles               for each Aftercare role, the provider groups that grant it; a role listed here is kept
 *                            exactly as the groups say at every sign-in, a role not listed is managed in Aftercare.
 *                            ADMIN comes from a provider only when it is listed here, and that is audited
 * @param localPasswords      whether people may sign in with an Aftercare password; when false only the
 *                            {@code breakGlassAdmin} may, at {@code /login/break-glass}
 * @param breakGlassAdmin     the e-mail of the admin account that keeps its password when local passwords are off
 */
@ConfigurationProperties("aftercare.sso")
public record SsoProperties(@DefaultValue("false") boolean provisioning,
                            @DefaultValue("email_verified") String emailVerifiedClaim,
                            @DefaultValue("groups") String groupsClaim,
                            Map<Role, List<String>> roles,
                            @DefaultValue("true") boolean localPasswords,
                            String breakGlassAdmin) {

    public SsoProperties {
        EnumMap<Role, List<String>> copy = new EnumMap<>(Role.class);
        if (roles != null) {
            roles.forEach((role, groups) -> {
                List<String> clean = groups == null ? List.of()
                    : groups.stream().filter(g -> g != null && !g.isBlank()).map(String::trim).toList();
                if (!clean.isEmpty() && role != Role.RESPONDER) {
                    copy.put(role, clean);
                }
            });
        }
        roles = java.util.Collections.unmodifiableMap(copy);
        breakGlassAdmin = breakGlassAdmin == null || breakGlassAdmin.isBlank() ? null
            : breakGlassAdmin.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether this login is the break-glass admin's. */
    public boolean isBreakGlass(String login) {
        return breakGlassAdmin != null && login != null && breakGlassAdmin.equals(login.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether a password sign-in with this login is allowed at all. */
    public boolean passwordAllowedFor(String login) {
        return localPasswords || isBreakGlass(login);
    }
}
