package io.aftercare.identity.sso;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.NewcomerDirectory;
import io.aftercare.identity.Role;
import io.aftercare.identity.account.AccountService;
import io.aftercare.shared.DomainException;

/**
 * Turns a person the OpenID Connect provider vouched for into an Aftercare account: matched by e-mail only when the
 * provider says it is verified, added on first sign-in only when {@code aftercare.sso.provisioning} allows it, and
 * given the mapped roles again at every sign-in. Refusals are audited and end on a calm page; no token and no claim
 * value is ever logged.
 */
@Component
public class SsoSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SsoSignIn.class);

    static final String ADDED = "SSO_PERSON_ADDED";
    static final String REFUSED = "SSO_SIGN_IN_REFUSED";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final SsoProperties properties;
    private final AccountService accounts;
    private final ObjectProvider<NewcomerDirectory> newcomers;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    @Autowired
    SsoSignIn(SsoProperties properties, AccountService accounts, ObjectProvider<NewcomerDirectory> newcomers,
              AuditLog audit, TransactionTemplate transaction) {
        this(new OidcUserService(), properties, accounts, newcomers, audit, transaction);
    }

    SsoSignIn(OAuth2UserService<OidcUserRequest, OidcUser> provider, SsoProperties properties, AccountService accounts,
              ObjectProvider<NewcomerDirectory> newcomers, AuditLog audit, TransactionTemplate transaction) {
        this.provider = provider;
        this.properties = properties;
        this.accounts = accounts;
        this.newcomers = newcomers;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        String target = "sso:" + registration;
        String email = user.getEmail() == null ? null : user.getEmail().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty() || email.length() > 320) {
            audit.record(null, REFUSED, target, "the provider gave no e-mail address");
            throw refused(SsoRefusal.UNVERIFIED);
        }
        Optional<AftercareUser> existing = accounts.findByLogin(email);
        if (!verified(user.getClaims().get(properties.emailVerifiedClaim()))) {
            existing.ifPresentOrElse(
                a -> audit.record(null, a.personId(), REFUSED, target, "e-mail not verified by the provider"),
                () -> audit.record(null, REFUSED, target, "e-mail not verified by the provider: " + email));
            throw refused(SsoRefusal.UNVERIFIED);
        }
        Set<String> groups = SsoRoles.groups(user.getClaims().get(properties.groupsClaim()));
        AftercareUser account;
        if (existing.isPresent()) {
            if (!existing.get().isEnabled()) {
                audit.record(null, existing.get().personId(), REFUSED, target, "the account is switched off");
                throw refused(SsoRefusal.DISABLED);
            }
            account = applyRoles(existing.get(), groups, target);
        } else if (properties.provisioning()) {
            account = add(user, email, groups, target);
        } else {
            audit.record(null, REFUSED, target, "no one in Aftercare has the e-mail " + email
                + ", and adding people at sign-in is off");
            throw refused(SsoRefusal.UNKNOWN);
        }
        return new SsoUser(user, account.withoutPassword());
    }

    private AftercareUser applyRoles(AftercareUser account, Set<String> groups, String target) {
        Set<Role> before = account.roles();
        Set<Role> after = SsoRoles.apply(before, groups, properties.roles(),
            properties.isBreakGlass(account.login()));
        if (!after.equals(before)) {
            String why = "from the identity provider at sign-in (" + target + ")"
                + explain(after, groups) + adminNote(before, after);
            transaction.executeWithoutResult(s -> accounts.setRoles(account.personId(), after, null, why));
        }
        return accounts.findByLogin(account.login()).orElseThrow(() -> refused(SsoRefusal.FAILED));
    }

    private AftercareUser add(OidcUser user, String email, Set<String> groups, String target) {
        NewcomerDirectory directory = newcomers.getIfAvailable();
        if (directory == null) {
            throw refused(SsoRefusal.FAILED);
        }
        Set<Role> roles = SsoRoles.apply(Set.of(Role.RESPONDER), groups, properties.roles(), false);
        String name = user.getFullName() == null || user.getFullName().isBlank() ? email : user.getFullName().trim();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        String displayName = name;
        UUID id;
        try {
            id = transaction.execute(s -> {
                UUID added = directory.add(displayName, email, user.getZoneInfo(), roles);
                audit.record(null, added, ADDED, target, "first sign-in; roles " + roles + explain(roles, groups)
                    + adminNote(Set.of(Role.RESPONDER), roles));
                return added;
            });
        } catch (DomainException e) {
            log.warn("Single sign-on could not add a person at first sign-in ({}): {}", target, e.getClass().getSimpleName());
            throw refused(SsoRefusal.FAILED);
        }
        return accounts.findById(id).orElseThrow(() -> refused(SsoRefusal.FAILED));
    }

    private String explain(Set<Role> roles, Set<String> groups) {
        String why = SsoRoles.why(roles, groups, properties.roles());
        return why.isEmpty() ? "" : "; " + why;
    }

    private static String adminNote(Set<Role> before, Set<Role> after) {
        return !before.contains(Role.ADMIN) && after.contains(Role.ADMIN)
            ? "; ADMIN granted by the provider because aftercare.sso.roles.ADMIN is set" : "";
    }

    /** Only a claim that plainly says true: a missing claim, false, or anything else is not verified. */
    static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || (claim instanceof String s && s.trim().equalsIgnoreCase("true"));
    }

    private static OAuth2AuthenticationException refused(SsoRefusal why) {
        return new OAuth2AuthenticationException(new OAuth2Error(why.code()), why.code());
    }

    /** For the settings page: what the mapping is, by role. */
    Map<Role, java.util.List<String>> mapping() {
        return properties.roles();
    }
}
