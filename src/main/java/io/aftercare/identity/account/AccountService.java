package io.aftercare.identity.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AccountStateException;
import io.aftercare.identity.AccountStateException.Reason;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.PasswordRejectedException;
import io.aftercare.identity.Role;

/**
 * Accounts: who may sign in, with which password and roles, and the links that let someone set a password (made
 * here; used through {@link PasswordLinks}).
 */
@Service
public class AccountService implements Accounts, UserDetailsService {

    public static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes of a password; a longer one is refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final String publicUrl;
    private final Duration invitationValidFor;
    private final Duration resetValidFor;
    private final SignedInSessions sessions;
    private final PasswordResetMail resetMail;
    private final OneTimeLinks links;
    private volatile boolean anyExists;

    AccountService(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, SignedInSessions sessions,
                   PasswordResetMail resetMail, OneTimeLinks links,
                   @Value("${aftercare.public-url}") String publicUrl,
                   @Value("${aftercare.invitation.valid-for}") Duration invitationValidFor,
                   @Value("${aftercare.password-reset.valid-for}") Duration resetValidFor) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.resetMail = resetMail;
        this.links = links;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.invitationValidFor = invitationValidFor;
        this.resetValidFor = resetValidFor;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public boolean anyExists() {
        if (!anyExists) {
            anyExists = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() > 0;
        }
        return anyExists;
    }

    @Override
    public Optional<String> checkPassword(String raw) {
        if (raw == null || raw.codePointCount(0, raw.length()) < MIN_PASSWORD) {
            return Optional.of("password.tooShort");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("password.tooLong");
        }
        if (raw.isBlank()) {
            return Optional.of("password.tooShort");
        }
        return Optional.empty();
    }

    /** The password's hash, once it passes {@link #checkPassword}; else {@link PasswordRejectedException}. */
    String encode(String raw) {
        checkPassword(raw).ifPresent(key -> {
            throw new PasswordRejectedException(key);
        });
        return encoder.encode(raw);
    }

    @Override
    @Transactional
    public void create(UUID personId, String email, Set<Role> roles, String rawPassword) {
        String hash = rawPassword == null ? null : encode(rawPassword);
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO account (person_id, login, password_hash, enabled, created_at, password_changed_at)
                VALUES (?, ?, ?, TRUE, ?, ?)""")
            .params(personId, normalize(email), hash, now, hash == null ? null : now)
            .update();
        insertRoles(personId, Accounts.withResponder(roles));
        anyExists = true;
    }

    private void insertRoles(UUID personId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (person_id, role) VALUES (?, ?)").params(personId, role.name()).update();
        }
    }

    @Override
    @Transactional
    public void changeLogin(UUID personId, String email) {
        Optional<String> before = loginOf(personId);
        jdbc.sql("UPDATE account SET login = ? WHERE person_id = ?").params(normalize(email), personId).update();
        // their sessions are indexed under the old login: end them now, or no later change could find them
        before.filter(old -> !old.equals(normalize(email))).ifPresent(sessions::endAll);
    }

    private Optional<String> loginOf(UUID personId) {
        return jdbc.sql("SELECT login FROM account WHERE person_id = ?").param(personId).query(String.class)
            .optional();
    }

    @Override
    public void endSessions(UUID personId) {
        loginOf(personId).ifPresent(sessions::endAll);
    }

    int revokeTokens(UUID personId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
            .params(now(), personId).update();
    }

    @Override
    public List<UUID> peopleWith(Role role) {
        return jdbc.sql("""
                SELECT r.person_id FROM account_role r JOIN account a ON a.person_id = r.person_id
                WHERE r.role = ? AND a.enabled = TRUE ORDER BY r.person_id""")
            .param(role.name()).query(UUID.class).list();
    }

    @Override
    public Set<Role> rolesOf(UUID personId) {
        return rolesOf(List.of(personId)).getOrDefault(personId, EnumSet.noneOf(Role.class));
    }

    @Override
    public Map<UUID, Set<Role>> rolesOf(Collection<UUID> personIds) {
        Map<UUID, Set<Role>> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        String in = personIds.stream().map(id -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT person_id, role FROM account_role WHERE person_id IN (" + in + ")")
            .params(List.copyOf(personIds))
            .query((rs, n) -> {
                UUID id = rs.getObject(1, UUID.class);
                Role.parse(rs.getString(2)).ifPresent(
                    r -> result.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class)).add(r));
                return null;
            })
            .list();
        return result;
    }

    @Override
    @Transactional
    public void setRoles(UUID personId, Set<Role> roles, UUID actorId) {
        setRoles(personId, roles, actorId, null);
    }

    /**
     * As {@link #setRoles(UUID, Set, UUID)}, with where the change came from in the audit entry (the identity
     * provider's groups at sign-in, say).
     */
    @Transactional
    public void setRoles(UUID personId, Set<Role> roles, UUID actorId, String why) {
        Set<Role> before = rolesOf(personId);
        Set<Role> after = Accounts.withResponder(roles);
        if (before.equals(after)) {
            return;
        }
        jdbc.sql("DELETE FROM account_role WHERE person_id = ?").param(personId).update();
        insertRoles(personId, after);
        audit.record(actorId, personId, "ROLES_CHANGED", "person:" + personId,
            before + " -> " + after + (why == null ? "" : " " + why));
        // a session keeps the roles it signed in with: end them, so the next page is signed in with these
        endSessions(personId);
        if (!after.containsAll(before)) {
            // a token acts with the person's rights; when rights are taken away, their scripts stop too
            int revoked = revokeTokens(personId);
            if (revoked > 0) {
                audit.record(actorId, personId, "TOKENS_REVOKED", "person:" + personId, revoked + " (roles taken away)");
            }
        }
    }

    @Override
    @Transactional
    public String invite(UUID personId, UUID actorId) {
        if (hasPassword(personId)) {
            // a link would let whoever holds it replace the password, and read what only the person may read
            throw new AccountStateException(Reason.HAS_PASSWORD);
        }
        String token = links.issue(OneTimeLinks.Kind.INVITATION, personId, now(), invitationValidFor);
        audit.record(actorId, personId, "INVITATION_CREATED", "person:" + personId, null);
        return link("/invite/" + token);
    }

    @Override
    @Transactional
    public void sendPasswordReset(UUID personId, UUID actorId) {
        Optional<String> login = jdbc.sql("SELECT login FROM account WHERE person_id = ? AND password_hash IS NOT NULL")
            .param(personId).query(String.class).optional();
        if (login.isEmpty()) {
            throw new AccountStateException(Reason.NO_PASSWORD);
        }
        if (!resetMail.configured()) {
            throw new AccountStateException(Reason.MAIL_NOT_CONFIGURED);
        }
        String token = links.issue(OneTimeLinks.Kind.PASSWORD_RESET, personId, now(), resetValidFor);
        audit.record(actorId, personId, "PASSWORD_RESET_SENT", "person:" + personId, null);
        // last: when the mail server does not take it, nothing above is kept
        resetMail.send(login.get(), link("/reset/" + token), resetValidFor);
    }

    /** Sets a password that passed {@link #encode}. */
    void setPassword(UUID personId, String hash, OffsetDateTime now) {
        jdbc.sql("UPDATE account SET password_hash = ?, password_changed_at = ? WHERE person_id = ?")
            .params(hash, now, personId).update();
    }

    /** An address in this Aftercare: the public URL and the path. */
    String link(String path) {
        return publicUrl + path;
    }

    Duration resetValidFor() {
        return resetValidFor;
    }

    @Override
    public boolean hasPassword(UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE person_id = ? AND password_hash IS NOT NULL")
            .param(personId).query(Long.class).single() > 0;
    }

    @Override
    public AftercareUser loadUserByUsername(String username) {
        return findByLogin(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    public Optional<AftercareUser> findByLogin(String login) {
        return jdbc.sql("SELECT person_id, login, password_hash, enabled FROM account WHERE login = ?")
            .param(normalize(login))
            .query((rs, n) -> new AftercareUser(rs.getObject(1, UUID.class), rs.getString(2), Set.of(), false,
                rs.getString(3) == null ? "{noop}" + UUID.randomUUID() + "-no-password-yet" : rs.getString(3),
                rs.getBoolean(4)))
            .optional()
            .map(u -> new AftercareUser(u.personId(), u.login(), rolesOf(u.personId()), false, u.passwordHash(),
                u.enabled()));
    }

    public Optional<AftercareUser> findById(UUID personId) {
        return jdbc.sql("SELECT login FROM account WHERE person_id = ? AND enabled = TRUE").param(personId)
            .query(String.class).optional()
            .map(login -> new AftercareUser(personId, login, rolesOf(personId), false, null, true));
    }
}
