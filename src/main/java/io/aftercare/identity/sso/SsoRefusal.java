package io.aftercare.identity.sso;

import java.util.Locale;

/** Why the provider's sign-in did not let someone in: each has its own calm page at {@code /login/refused}. */
enum SsoRefusal {
    /** The provider did not say the e-mail is verified, so it cannot stand for a person here. */
    UNVERIFIED,
    /** No one in Aftercare has the e-mail, and adding people at sign-in is off. */
    UNKNOWN,
    /** The account is switched off. */
    DISABLED,
    /** The provider answered with an error or something Aftercare could not use. */
    FAILED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SsoRefusal of(String code) {
        for (SsoRefusal r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return FAILED;
    }
}
