package io.aftercare.identity.sso;

import java.io.Serial;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.aftercare.identity.AftercareUser;

/**
 * The provider's user with the Aftercare account it was matched to. It lives only until sign-in succeeds: then the
 * session holds the {@link AftercareUser} alone, as after a password sign-in.
 */
final class SsoUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AftercareUser account;

    SsoUser(OidcUser user, AftercareUser account) {
        super(account.getAuthorities(), user.getIdToken(), user.getUserInfo());
        this.account = account;
    }

    AftercareUser account() {
        return account;
    }
}
