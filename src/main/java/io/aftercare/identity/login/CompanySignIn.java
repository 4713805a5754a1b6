package io.aftercare.identity.login;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.account.AccountService;
import io.aftercare.identity.sso.SsoProperties;

/**
 * With local passwords off (docs/sso.md), the pages that would set a password (an invitation, a reset link,
 * "Forgot your password?") say that sign-in is through the company's provider and link to it instead of offering a
 * password nobody could sign in with. Only the break-glass admin still sets a password there.
 */
@Component
public class CompanySignIn {

    /** The view model attribute the password pages show the company sign-in notice by. */
    public static final String ATTRIBUTE = "companySignIn";

    private final SsoProperties sso;
    private final AccountService accounts;
    private final List<LoginController.Provider> providers;

    CompanySignIn(SsoProperties sso, AccountService accounts,
                  ObjectProvider<ClientRegistrationRepository> registrations) {
        this.sso = sso;
        this.accounts = accounts;
        this.providers = LoginController.providers(registrations.getIfAvailable());
    }

    /** Whether Aftercare passwords are off for everyone but the break-glass admin. */
    public boolean passwordsOff() {
        return !sso.localPasswords();
    }

    /** Whether this e-mail may still be sent a reset link (passwords on, or the break-glass admin's). */
    public boolean passwordAllowedFor(String email) {
        return sso.passwordAllowedFor(email);
    }

    /**
     * Whether a link held by this person (none when the link no longer works) must not set a password: passwords
     * are off and the holder is not the break-glass admin.
     */
    public boolean refusesPasswordFor(Optional<UUID> holder) {
        if (!passwordsOff()) {
            return false;
        }
        return holder.flatMap(accounts::findById).map(AftercareUser::login).map(l -> !sso.isBreakGlass(l))
            .orElse(true);
    }

    /** Puts the notice and the providers' sign-in buttons on a page, in place of its password form. */
    public void show(Model model) {
        model.addAttribute(ATTRIBUTE, true);
        model.addAttribute("providers", providers);
    }
}
