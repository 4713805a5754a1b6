package io.aftercare.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.account.AccountService;
import io.aftercare.identity.account.Secrets;

/** Personal API tokens: shown once when created, stored only as a SHA-256 hash, listed and revocable. */
@Service
public class ApiTokens {

    static final String PREFIX = "act_";

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AccountService accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt) {
    }

    public record NewToken(TokenInfo info, String token) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Transactional
    public NewToken create(UUID personId, String name) {
        String token = PREFIX + Secrets.random(32);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        String prefix = token.substring(0, 10);
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, name, token_hash, token_prefix, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(id, personId, name.trim(), Secrets.sha256(token), prefix, now)
            .update();
        return new NewToken(new TokenInfo(id, name.trim(), prefix, now.toInstant(), null, null), token);
    }

    public List<TokenInfo> list(UUID personId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, created_at, last_used_at, revoked_at FROM api_token
                WHERE person_id = ? ORDER BY created_at DESC""")
            .param(personId)
            .query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
                instant(rs.getObject(6, OffsetDateTime.class))))
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
        return n == 1;
    }

    /** The person a live token belongs to. */
    public Optional<AftercareUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Optional<UUID> person = jdbc.sql("SELECT person_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
            .param(hash).query(UUID.class).optional();
        if (person.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        // record use at most once a minute per token, so busy scripts do not write on every call
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")
            .params(now, hash, now.minus(Duration.ofMinutes(1))).update();
        return accounts.findById(person.get()).map(AftercareUser::asToken);
    }
}
