package io.aftercare.identity.sso;

import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import io.aftercare.identity.AuditLog;
import io.aftercare.identity.login.SavedPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * What happens around the provider's sign-in in the browser: after it, the session holds the Aftercare account
 * (as after a password sign-in, so every page and the session index see the same person) and, for signing out at
 * the provider too, only which provider it was and the ID token; a refusal goes to a calm page; signing out ends the
 * session here and then at the provider when it offers an {@code end_session_endpoint}.
 */
public final class SsoHandlers {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SsoHandlers.class);

    static final String REGISTRATION = "aftercare.sso.registration";
    static final String ID_TOKEN = "aftercare.sso.idToken";
    private static final String SIGNING_OUT = SsoHandlers.class.getName() + ".signingOut";

    private final ClientRegistrationRepository registrations;
    private final SecurityContextRepository contexts;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SavedPage savedPage = new SavedPage();

    public SsoHandlers(ClientRegistrationRepository registrations, SecurityContextRepository contexts, AuditLog audit) {
        this.registrations = registrations;
        this.contexts = contexts;
        this.audit = audit;
    }

    /** Replaces the provider's authentication with the Aftercare account it was matched to, then opens the page. */
    public AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> {
            if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof SsoUser user)) {
                throw new IllegalStateException("not a single sign-on");
            }
            var signedIn = UsernamePasswordAuthenticationToken.authenticated(user.account(), null,
                user.account().getAuthorities());
            signedIn.setDetails(token.getDetails());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(signedIn);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            HttpSession session = request.getSession();
            session.setAttribute(REGISTRATION, token.getAuthorizedClientRegistrationId());
            session.setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
            savedPage.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    /** Every refusal ends on {@code /login/refused}, which says why in plain words. */
    public AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            SsoRefusal why = SsoRefusal.FAILED;
            if (exception instanceof OAuth2AuthenticationException e) {
                why = SsoRefusal.of(e.getError().getErrorCode());
                if (why == SsoRefusal.FAILED) {
                    // the provider's or the protocol's error code only: never a token or a claim
                    LOG.warn("Single sign-on did not complete: {}", e.getError().getErrorCode());
                    audit.record(null, SsoSignIn.REFUSED, "sso", "sign-in failed: " + e.getError().getErrorCode());
                }
            } else {
                LOG.warn("Single sign-on did not complete: {}", exception.getClass().getSimpleName());
            }
            response.sendRedirect(request.getContextPath() + "/login/refused?reason=" + why.code());
        };
    }

    /** Before the session ends: remember which provider to sign out of, and with which ID token. */
    public LogoutHandler remember() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(REGISTRATION) instanceof String registration
                && session.getAttribute(ID_TOKEN) instanceof String idToken) {
                request.setAttribute(SIGNING_OUT, Map.entry(registration, idToken));
            }
        };
    }

    /**
     * After the session ended: to the provider's end-session endpoint (which sends the browser back to the sign-in
     * page) when the sign-in was the provider's and it has one; else straight to the sign-in page.
     */
    public LogoutSuccessHandler signedOut() {
        return (request, response, authentication) -> {
            String back = ServletUriComponentsBuilder.fromContextPath(request).path("/login").query("signedOut")
                .build().toUriString();
            String target = request.getContextPath() + "/login?signedOut";
            if (request.getAttribute(SIGNING_OUT) instanceof Map.Entry<?, ?> signedIn) {
                ClientRegistration registration = registrations.findByRegistrationId((String) signedIn.getKey());
                Object endSession = registration == null ? null
                    : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
                if (endSession != null) {
                    target = UriComponentsBuilder.fromUriString(endSession.toString())
                        .queryParam("id_token_hint", signedIn.getValue())
                        .queryParam("client_id", registration.getClientId())
                        .queryParam("post_logout_redirect_uri", back)
                        .encode().build().toUriString();
                }
            }
            response.sendRedirect(target);
        };
    }

    /** The provider's access and refresh tokens are not needed after sign-in: none is kept. */
    public static OAuth2AuthorizedClientRepository keepNoTokens() {
        return new OAuth2AuthorizedClientRepository() {
            @Override
            public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                                                                            Authentication principal,
                                                                            HttpServletRequest request) {
                return null;
            }

            @Override
            public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                             HttpServletRequest request, HttpServletResponse response) {
                // nothing kept
            }

            @Override
            public void removeAuthorizedClient(String registrationId, Authentication principal,
                                               HttpServletRequest request, HttpServletResponse response) {
                // nothing kept
            }
        };
    }

    /** The origins of the providers' end-session endpoints, for the sign-out form's Content-Security-Policy. */
    public static java.util.Set<String> endSessionOrigins(Iterable<ClientRegistration> registrations) {
        java.util.Set<String> origins = new java.util.TreeSet<>();
        for (ClientRegistration r : registrations) {
            Object endSession = r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
            if (endSession != null) {
                var uri = java.net.URI.create(endSession.toString());
                origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        }
        return origins;
    }
}
