package io.aftercare.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity module's API for other modules: accounts belong to people in the directory, one each.
 */
public interface Accounts {

    /** Whether any account exists yet; until one does, the first visit asks for the admin. */
    boolean anyExists();

    /**
     * Creates the account of a person who was just added to the directory.
     *
     * @param rawPassword an initial password (for automation), or {@code null} to leave the account waiting for
     *                    an invitation
     * @throws PasswordRejectedException when the password breaks the policy
     */
    void create(UUID personId, String email, Set<Role> roles, String rawPassword);

    /** The person's e-mail changed: they now sign in with the new one. */
    void changeLogin(UUID personId, String email);

    Set<Role> rolesOf(UUID personId);

    Map<UUID, Set<Role>> rolesOf(Collection<UUID> personIds);

    /** The people whose enabled account has this role (for telling, say, every coordinator of something). */
    java.util.List<UUID> peopleWith(Role role);

    /**
     * Replaces a person's roles (RESPONDER is always kept); recorded in the audit log. A change ends the person's
     * sessions; taking a role away also revokes their API tokens.
     */
    void setRoles(UUID personId, Set<Role> roles, UUID actorId);

    /**
     * Starts a one-time invitation so the person can set their first password; recorded in the audit log.
     *
     * @return the absolute link to give to the person, shown once
     * @throws AccountStateException ({@code HAS_PASSWORD}) when the account has a password already: a reset is
     *                               for them, and it goes only to their own e-mail
     */
    String invite(UUID personId, UUID actorId);

    /**
     * E-mails a one-time password reset link to the person's own address (the caller never sees the link);
     * recorded in the audit log. Their password stays until they use the link; then their sessions end and their
     * API tokens are revoked.
     *
     * @throws AccountStateException {@code NO_PASSWORD} (invite them instead), {@code MAIL_NOT_CONFIGURED} or
     *                               {@code MAIL_NOT_SENT}
     */
    void sendPasswordReset(UUID personId, UUID actorId);

    /** Ends every browser session the person is signed in with (before they are removed, for example). */
    void endSessions(UUID personId);

    /** Whether the person has set a password (or was given one). */
    boolean hasPassword(UUID personId);

    /** Why a password cannot be used, as a message key, or empty when it is fine. */
    Optional<String> checkPassword(String rawPassword);

    /** Every role, always including {@link Role#RESPONDER}. */
    static Set<Role> withResponder(Collection<Role> roles) {
        java.util.EnumSet<Role> set = java.util.EnumSet.of(Role.RESPONDER);
        set.addAll(roles);
        return set;
    }
}
