package io.aftercare.identity.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import io.aftercare.identity.Role;

/** What single sign-on is configured to do, for admins to read (never a client secret). */
@Component
class SsoState {

    /**
     * @param registrationId the name in {@code spring.security.oauth2.client.registration.<name>}
     * @param name           what the sign-in button says after "Sign in with"
     * @param issuer         the provider's issuer, when it was configured by one
     * @param endSession     whether signing out also signs out at the provider
     */
    record Provider(String registrationId, String name, String clientId, String issuer, List<String> scopes,
                    boolean endSession) {
    }

    /**
     * @param enabled          whether any provider is configured
     * @param adminFromProvider whether a provider group can make someone an admin ({@code aftercare.sso.roles.ADMIN})
     */
    record View(boolean enabled, List<Provider> providers, boolean provisioning, String emailVerifiedClaim,
                String groupsClaim, Map<Role, List<String>> roles, boolean adminFromProvider, boolean localPasswords,
                String breakGlassAdmin) {
    }

    private final SsoProperties properties;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SsoState(SsoProperties properties, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.registrations = registrations;
    }

    View view() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r) {
                    var details = r.getProviderDetails();
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName(), r.getClientId(),
                        details.getIssuerUri(), List.copyOf(r.getScopes()),
                        details.getConfigurationMetadata().get("end_session_endpoint") != null));
                }
            }
        }
        return new View(!providers.isEmpty(), providers, properties.provisioning(), properties.emailVerifiedClaim(),
            properties.groupsClaim(), properties.roles(), properties.roles().containsKey(Role.ADMIN),
            properties.localPasswords(), properties.breakGlassAdmin());
    }
}
