package io.aftercare.identity.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
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
    private final Predicate<AftercareUser> passwordAllowed;

    public ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this(delegate, throttle, user -> true);
    }

    /**
     * @param passwordAllowed whether this account may sign in with a password at all (with local passwords off,
     *                        only the break-glass admin may); any other is refused as a wrong password is
     */
    public ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
                                           Predicate<AftercareUser> passwordAllowed) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.passwordAllowed = passwordAllowed;
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
            AftercareUser user = ((AftercareUser) result.getPrincipal()).withoutPassword();
            if (!passwordAllowed.test(user)) {
                throw new BadCredentialsException("passwords are off for this account");
            }
            throttle.succeeded(keys);
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
