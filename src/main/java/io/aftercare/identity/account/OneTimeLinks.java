package io.aftercare.identity.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time links that let a person set a password: invitations and password resets, each in its own table of
 * the same shape. Only a link's SHA-256 is stored; a new link ends the person's earlier unused one of its kind.
 */
@Component
class OneTimeLinks {

    /** The two kinds of link, by their table. */
    enum Kind {
        INVITATION("invitation"), PASSWORD_RESET("password_reset");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final JdbcClient jdbc;

    OneTimeLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link for the person, valid for so long; their earlier unused one of this kind stops working. */
    String issue(Kind kind, UUID personId, OffsetDateTime now, Duration validFor) {
        String token = Secrets.random(32);
        jdbc.sql("UPDATE " + kind.table + " SET used_at = ? WHERE person_id = ? AND used_at IS NULL")
            .params(now, personId).update();
        jdbc.sql("INSERT INTO " + kind.table + " (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .params(Secrets.sha256(token), personId, now, now.plus(validFor))
            .update();
        return token;
    }

    /** How many links of this kind the person was sent since then. */
    long issuedSince(Kind kind, UUID personId, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM " + kind.table + " WHERE person_id = ? AND created_at > ?")
            .params(personId, since).query(Long.class).single();
    }

    /** The person an unused, unexpired password reset link belongs to. */
    Optional<UUID> resetHolder(String token, OffsetDateTime now) {
        return jdbc.sql("SELECT person_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
            .params(Secrets.sha256(token), now)
            .query(UUID.class)
            .optional();
    }

    /** The person an unused, unexpired invitation belongs to, while they have no password. */
    Optional<UUID> invitationHolder(String token, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT i.person_id FROM invitation i JOIN account a ON a.person_id = i.person_id
                WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND a.password_hash IS NULL""")
            .params(Secrets.sha256(token), now)
            .query(UUID.class)
            .optional();
    }

    /** Uses the link up; false when it was used in the meantime. */
    boolean use(Kind kind, String token, OffsetDateTime now) {
        return jdbc.sql("UPDATE " + kind.table + " SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .params(now, Secrets.sha256(token)).update() == 1;
    }
}
