package io.aftercare.identity.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.aftercare.identity.AftercareUser;

/**
 * Password sign-in (form and HTTP Basic) behind the login throttle: a locked account or address is refused
 * before its password is even checked.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    public ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    static List<String> keys(Authentication attempt) {
        List<String> keys = new ArrayList<>();
        keys.add("account:" + String.valueOf(attempt.getName()).trim().toLowerCase(Locale.ROOT));
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            keys.add("address:" + details.getRemoteAddress());
        }
        return keys;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        List<String> keys = keys(attempt);
        var wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get(), throttle.isLocked(keys));
        }
        try {
            Authentication result = delegate.authenticate(attempt);
            throttle.succeeded(keys);
            AftercareUser user = ((AftercareUser) result.getPrincipal()).withoutPassword();
            UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            token.setDetails(attempt.getDetails());
            return token;
        } catch (AuthenticationException e) {
            throttle.failed(keys);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
