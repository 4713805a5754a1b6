package io.aftercare.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every module sees them. Carries no password once authenticated.
 *
 * @param personId the person in the directory
 * @param login    the e-mail they sign in with, lower case
 * @param roles    what they may do
 * @param viaToken whether this request was authenticated by a personal API token
 */
public record AftercareUser(UUID personId, String login, Set<Role> roles, boolean viaToken, String passwordHash,
                            boolean enabled) implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public AftercareUser {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same person without the password hash, for keeping in a session or a security context. */
    public AftercareUser withoutPassword() {
        return new AftercareUser(personId, login, roles, viaToken, null, enabled);
    }

    public AftercareUser asToken() {
        return new AftercareUser(personId, login, roles, true, null, enabled);
    }

    @Override
    public String toString() {
        return "AftercareUser[" + personId + ", roles=" + List.copyOf(roles) + "]";
    }
}
