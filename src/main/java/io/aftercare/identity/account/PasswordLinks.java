package io.aftercare.identity.account;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.aftercare.identity.AuditLog;
import io.aftercare.identity.PasswordRejectedException;

/**
 * Setting a password by link, without being signed in: accepting an invitation, "Forgot your password?" on the
 * sign-in page, and using the reset link it (or an admin) sent. Each link works once.
 */
@Service
public class PasswordLinks {

    /** How many reset links one address can be sent in an hour, however often "Forgot your password?" is used. */
    public static final int RESETS_PER_HOUR = 3;

    private final AccountService accounts;
    private final OneTimeLinks links;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PasswordResetMail resetMail;

    PasswordLinks(AccountService accounts, OneTimeLinks links, JdbcClient jdbc, AuditLog audit,
                  PasswordResetMail resetMail) {
        this.accounts = accounts;
        this.links = links;
        this.jdbc = jdbc;
        this.audit = audit;
        this.resetMail = resetMail;
    }

    /**
     * The person an unused, unexpired invitation belongs to, while they have no password (a link made before they
     * had one no longer works).
     */
    public Optional<UUID> invitationHolder(String token) {
        return links.invitationHolder(token, AccountService.now());
    }

    /**
     * Uses an invitation once: sets the password and marks it used.
     *
     * @throws PasswordRejectedException when the password is too short or too long; then the link still works
     */
    @Transactional
    public boolean acceptInvitation(String token, String rawPassword) {
        String hash = accounts.encode(rawPassword);
        Optional<UUID> holder = invitationHolder(token);
        OffsetDateTime now = AccountService.now();
        if (holder.isEmpty() || !links.use(OneTimeLinks.Kind.INVITATION, token, now)) {
            return false;
        }
        accounts.setPassword(holder.get(), hash, now);
        accounts.endSessions(holder.get());
        return true;
    }

    /**
     * "Forgot your password?" on the sign-in page: a reset link to the address typed, if it is an enabled account's
     * with a password, and fewer than {@link #RESETS_PER_HOUR} links went to it in the last hour. The caller learns
     * nothing either way: nothing is returned, and the mail leaves after the commit on its own thread, so an
     * existing address does not even take longer to answer.
     */
    @Transactional
    public void requestOwnReset(String email) {
        if (email == null || email.isBlank() || email.length() > 320 || !resetMail.configured()) {
            return;
        }
        Optional<Map.Entry<UUID, String>> account = jdbc.sql(
                "SELECT person_id, login FROM account WHERE login = ? AND enabled = TRUE AND password_hash IS NOT NULL")
            .param(AccountService.normalize(email))
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
            .optional();
        if (account.isEmpty()) {
            return;
        }
        UUID personId = account.get().getKey();
        OffsetDateTime now = AccountService.now();
        if (links.issuedSince(OneTimeLinks.Kind.PASSWORD_RESET, personId, now.minusHours(1)) >= RESETS_PER_HOUR) {
            return;
        }
        String token = links.issue(OneTimeLinks.Kind.PASSWORD_RESET, personId, now, accounts.resetValidFor());
        audit.record(null, personId, "PASSWORD_RESET_SENT", "person:" + personId, "asked for on the sign-in page");
        String to = account.get().getValue();
        String link = accounts.link("/reset/" + token);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                resetMail.sendLater(to, link, accounts.resetValidFor());
            }
        });
    }

    /** The person an unused, unexpired password reset link belongs to. */
    public Optional<UUID> resetHolder(String token) {
        return links.resetHolder(token, AccountService.now());
    }

    /**
     * Uses a reset link once: sets the new password, ends every session of the person and revokes their API
     * tokens (whoever had the old password may have made one).
     *
     * @throws PasswordRejectedException when the password is too short or too long; then the link still works
     */
    @Transactional
    public boolean completeReset(String token, String rawPassword) {
        String hash = accounts.encode(rawPassword);
        Optional<UUID> holder = resetHolder(token);
        OffsetDateTime now = AccountService.now();
        if (holder.isEmpty() || !links.use(OneTimeLinks.Kind.PASSWORD_RESET, token, now)) {
            return false;
        }
        UUID personId = holder.get();
        accounts.setPassword(personId, hash, now);
        int revoked = accounts.revokeTokens(personId);
        audit.record(personId, "PASSWORD_RESET_COMPLETED", "person:" + personId,
            revoked == 0 ? null : revoked + " API tokens revoked");
        accounts.endSessions(personId);
        return true;
    }
}
