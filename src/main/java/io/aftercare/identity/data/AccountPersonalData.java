package io.aftercare.identity.data;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Identity's part of a person's data: their account (never the password hash), roles, API tokens (never their
 * hash), invitations, password reset links and failed sign-ins under their login. Erased just before the directory's
 * person row. Most of these rows would go with that row by ON DELETE CASCADE, but the sign-in throttle is keyed by
 * login, not by person, and an explicit delete does not depend on a foreign key someone may change one day.
 */
@Component
@Order(900)
class AccountPersonalData implements PersonalData {

    /** The sign-in throttle's key for a login; see ThrottledAuthenticationProvider. */
    private static final String THROTTLE_KEY = "account:";

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Account(String login, boolean enabled, boolean hasPassword, Instant createdAt, Instant passwordChangedAt,
                   List<String> roles, List<Token> apiTokens, List<Link> invitations, List<Link> passwordResets,
                   FailedSignIns failedSignIns) {
    }

    record Token(String name, String prefix, String scope, Instant createdAt, Instant expiresAt,
                 Instant lastUsedAt, Instant revokedAt) {
    }

    /** An invitation or password reset link: when it was made and used, never the link itself. */
    record Link(Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    record FailedSignIns(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object export(UUID personId) {
        record Row(String login, boolean enabled, boolean hasPassword, Instant createdAt, Instant passwordChangedAt) {
        }
        var row = jdbc.sql("""
                SELECT login, enabled, password_hash IS NOT NULL AS has_password, created_at, password_changed_at
                FROM account WHERE person_id = ?""")
            .param(personId)
            .query((rs, n) -> new Row(rs.getString("login"), rs.getBoolean("enabled"),
                rs.getBoolean("has_password"), DbTime.instant(rs, "created_at"),
                DbTime.instant(rs, "password_changed_at")))
            .optional();
        if (row.isEmpty()) {
            return null;
        }
        Row a = row.get();
        List<String> roles = jdbc.sql("SELECT role FROM account_role WHERE person_id = ? ORDER BY role")
            .param(personId).query(String.class).list();
        List<Token> tokens = jdbc.sql("""
                SELECT name, token_prefix, scope, created_at, expires_at, last_used_at, revoked_at
                FROM api_token WHERE person_id = ? ORDER BY created_at""")
            .param(personId)
            .query((rs, n) -> new Token(rs.getString("name"), rs.getString("token_prefix"), rs.getString("scope"),
                DbTime.instant(rs, "created_at"), DbTime.instant(rs, "expires_at"),
                DbTime.instant(rs, "last_used_at"), DbTime.instant(rs, "revoked_at")))
            .list();
        FailedSignIns failed = jdbc.sql(
                "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE throttle_key = ?")
            .param(THROTTLE_KEY + a.login())
            .query((rs, n) -> new FailedSignIns(rs.getInt("failures"), DbTime.instant(rs, "last_failure_at"),
                DbTime.instant(rs, "locked_until")))
            .optional().orElse(null);
        return new Account(a.login(), a.enabled(), a.hasPassword(), a.createdAt(), a.passwordChangedAt(), roles,
            tokens, links("invitation", personId), links("password_reset", personId), failed);
    }

    private List<Link> links(String table, UUID personId) {
        return jdbc.sql("SELECT created_at, expires_at, used_at FROM " + table + " WHERE person_id = ? "
                + "ORDER BY created_at")
            .param(personId)
            .query((rs, n) -> new Link(DbTime.instant(rs, "created_at"), DbTime.instant(rs, "expires_at"),
                DbTime.instant(rs, "used_at")))
            .list();
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("SELECT login FROM account WHERE person_id = ?").param(personId).query(String.class).optional()
            .ifPresent(login -> jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?")
                .param(THROTTLE_KEY + login).update());
        jdbc.sql("DELETE FROM password_reset WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM invitation WHERE person_id = ?").param(personId).update();
        // with the rows gone, a token the person made fails like any unknown one
        jdbc.sql("DELETE FROM api_token WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM account_role WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM account WHERE person_id = ?").param(personId).update();
    }
}
