package io.aftercare.identity.reset;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.springframework.ui.Model;

import io.aftercare.identity.PasswordRejectedException;

/**
 * The form of a page that sets a password by link (an invitation, a reset) and what both pages do with it: a link
 * that no longer works says so, two passwords that differ or one that is refused say why next to the form, and a
 * password that is set goes on to the sign-in page.
 */
public record NewPasswordForm(String password, String confirm) {

    public NewPasswordForm {
        password = password == null ? "" : password;
        confirm = confirm == null ? "" : confirm;
    }

    /**
     * @param holder whom a link belongs to, while it works
     * @param set sets the password with the link; false when the link was used in the meantime
     * @param done where to go once the password is set
     */
    public String submit(String token, Model model, String view, Function<String, Optional<UUID>> holder,
                         BiPredicate<String, String> set, String done) {
        model.addAttribute("token", token);
        if (holder.apply(token).isEmpty()) {
            model.addAttribute("valid", false);
            return view;
        }
        model.addAttribute("valid", true);
        if (!password.equals(confirm)) {
            model.addAttribute("error", "password.mismatch");
            return view;
        }
        try {
            if (!set.test(token, password)) {
                model.addAttribute("valid", false);
                return view;
            }
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.messageKey());
            return view;
        }
        return done;
    }
}
