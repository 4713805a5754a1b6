package io.aftercare.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.account.AccountService;
import io.aftercare.identity.account.Secrets;

/**
 * Personal API tokens: shown once when created, stored only as a SHA-256 hash, listed and revocable. Each has a
 * scope (read only, or full) and an expiry, chosen when it is made within {@code aftercare.tokens.max-days}.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "act_";

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultDays;
    private final int maxDays;

    ApiTokens(JdbcClient jdbc, AccountService accounts, AuditLog audit, Clock clock,
              @Value("${aftercare.tokens.default-days:90}") int defaultDays,
              @Value("${aftercare.tokens.max-days:365}") int maxDays) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxDays = Math.max(1, maxDays);
        this.defaultDays = Math.max(1, Math.min(defaultDays, this.maxDays));
    }

    public record TokenInfo(UUID id, String name, String prefix, TokenScope scope, Instant createdAt,
                            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** A token as admins see it: whose it is, never its secret. */
    public record OwnedToken(TokenInfo token, UUID ownerId, String ownerName, String ownerLogin) {
    }

    public record NewToken(TokenInfo info, String token) {
    }

    /** How a presented token fared: the person it acts as (empty when unknown, revoked or expired). */
    public record Check(Optional<AftercareUser> user, TokenScope scope, boolean expired) {

        static final Check UNKNOWN = new Check(Optional.empty(), null, false);
    }

    public int defaultDays() {
        return defaultDays;
    }

    public int maxDays() {
        return maxDays;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A full-scope token with the default lifetime. */
    public NewToken create(UUID personId, String name) {
        return create(personId, name, TokenScope.FULL, defaultDays);
    }

    /**
     * @param days how long it lives, 1 to {@link #maxDays()}
     */
    @Transactional
    public NewToken create(UUID personId, String name, TokenScope scope, int days) {
        if (days < 1 || days > maxDays) {
            throw new IllegalArgumentException("days must be 1 to " + maxDays);
        }
        String token = PREFIX + Secrets.random(32);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plusDays(days);
        String prefix = token.substring(0, 10);
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, name, token_hash, token_prefix, created_at, expires_at, scope)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, personId, name.trim(), Secrets.sha256(token), prefix, now, expires, scope.name())
            .update();
        audit.record(personId, personId, "identity.token.created", "token:" + id,
            scope.name().toLowerCase(java.util.Locale.ROOT) + ", expires " + expires.toInstant());
        return new NewToken(new TokenInfo(id, name.trim(), prefix, scope, now.toInstant(), expires.toInstant(),
            null, null), token);
    }

    private static final String COLUMNS = """
        t.id, t.name, t.token_prefix, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at""";

    private static TokenInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
            TokenScope.valueOf(rs.getString("scope")), instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)),
            instant(rs.getObject("last_used_at", OffsetDateTime.class)),
            instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    public List<TokenInfo> list(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t WHERE t.person_id = ? ORDER BY t.created_at DESC")
            .param(personId)
            .query((rs, n) -> info(rs))
            .list();
    }

    /** Everyone's tokens, for admins: newest first. */
    public List<OwnedToken> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + """
                , t.person_id, p.name AS owner_name, a.login
                FROM api_token t JOIN account a ON a.person_id = t.person_id LEFT JOIN person p ON p.id = t.person_id
                ORDER BY t.created_at DESC""")
            .query((rs, n) -> new OwnedToken(info(rs), rs.getObject("person_id", UUID.class),
                rs.getString("owner_name"), rs.getString("login")))
            .list();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Revokes one of the person's own tokens; false when it is not theirs or does not exist. */
    @Transactional
    public boolean revoke(UUID personId, UUID tokenId) {
        int n = jdbc.sql("UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND person_id = ?")
            .params(now(), tokenId, personId).update();
        if (n == 1) {
            audit.record(personId, personId, "identity.token.revoked", "token:" + tokenId, null);
        }
        return n == 1;
    }

    /** An admin revokes anyone's token; false when there is no such token. */
    @Transactional
    public boolean revokeAny(UUID tokenId, UUID actorId) {
        Optional<UUID> owner = jdbc.sql("SELECT person_id FROM api_token WHERE id = ?").param(tokenId)
            .query(UUID.class).optional();
        if (owner.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?").params(now(), tokenId)
            .update();
        audit.record(actorId, owner.get(), "identity.token.revoked", "token:" + tokenId, "by an admin");
        return true;
    }

    private record Row(UUID personId, TokenScope scope, OffsetDateTime expiresAt) {
    }

    /** The person a live token belongs to, and what it may do. */
    public Check authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Check.UNKNOWN;
        }
        String hash = Secrets.sha256(token);
        Optional<Row> row = jdbc.sql("""
                SELECT person_id, scope, expires_at FROM api_token WHERE token_hash = ? AND revoked_at IS NULL""")
            .param(hash)
            .query((rs, n) -> new Row(rs.getObject(1, UUID.class), TokenScope.valueOf(rs.getString(2)),
                rs.getObject(3, OffsetDateTime.class)))
            .optional();
        if (row.isEmpty()) {
            return Check.UNKNOWN;
        }
        OffsetDateTime now = now();
        if (!row.get().expiresAt().isAfter(now)) {
            return new Check(Optional.empty(), row.get().scope(), true);
        }
        // record use at most once a minute per token, so busy scripts do not write on every call
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")
            .params(now, hash, now.minus(Duration.ofMinutes(1))).update();
        return new Check(accounts.findById(row.get().personId()).map(AftercareUser::asToken), row.get().scope(),
            false);
    }
}
