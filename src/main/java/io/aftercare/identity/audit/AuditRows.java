package io.aftercare.identity.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * Audit entries as the admin's page shows them: what happened in words ({@code audit.action.<code>}), what it was
 * done to by name (a person's, an API token's, or whatever the module that wrote the entry says through
 * {@link AuditEntryWords}), otherwise a short form ({@code audit.on.<code>}), and the detail in words where it is
 * known. The stored codes and ids stay as they are in the log, its API and its chain.
 */
@Component
class AuditRows {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final Pattern ROLES = Pattern.compile("\\[(.*?)\\] -> \\[(.*?)\\](.*)");

    record Row(Instant at, String who, String what, String on, String detail) {
    }

    /** One choice of the filter: the stored code as its value, the words as its label. */
    record Action(String code, String name) {
    }

    private final List<AuditEntryWords> modules;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    AuditRows(List<AuditEntryWords> modules, MessageSource messages, JdbcClient jdbc) {
        this.modules = modules;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    List<Action> actions(Collection<String> codes) {
        return codes.stream().map(c -> new Action(c, actionName(c))).toList();
    }

    String actionName(String code) {
        return message("audit.action." + code).orElse(code);
    }

    List<Row> rows(List<AuditEntry> entries) {
        Map<UUID, String> people = names("SELECT id, name FROM person WHERE id IN (:ids)", entries, "person:");
        Map<UUID, String> tokens = names("SELECT id, name FROM api_token WHERE id IN (:ids)", entries, "token:");
        return entries.stream().map(e -> {
            String who = e.actorName() != null ? e.actorName()
                : message(e.actorId() == null ? "audit.actor.system" : "audit.actor.gone").orElseThrow();
            AuditEntryWords.Words words = modules.stream().map(m -> m.describe(e)).flatMap(Optional::stream)
                .findFirst().orElseGet(() -> own(e, people, tokens));
            return new Row(e.at(), who, actionName(e.action()), words.on(), words.detail());
        }).toList();
    }

    /** Identity's own entries (people and tokens), and the short form for entries no module describes. */
    private AuditEntryWords.Words own(AuditEntry e, Map<UUID, String> people, Map<UUID, String> tokens) {
        String fallback = message("audit.on." + e.action()).orElse(e.target());
        UUID person = id(e.target(), "person:");
        if (person != null) {
            return new AuditEntryWords.Words(people.getOrDefault(person, message("audit.actor.gone").orElseThrow()),
                "ROLES_CHANGED".equals(e.action()) ? rolesDetail(e.detail()) : e.detail());
        }
        UUID token = id(e.target(), "token:");
        if (token != null) {
            String name = tokens.get(token);
            return new AuditEntryWords.Words(name == null ? fallback : message("audit.on.token", name).orElseThrow(),
                tokenDetail(e.detail()));
        }
        return new AuditEntryWords.Words(fallback, e.detail());
    }

    /** A change of roles as stored (the role lists before and after) with the roles' names, before an arrow. */
    private String rolesDetail(String detail) {
        Matcher m = ROLES.matcher(detail == null ? "" : detail);
        if (!m.matches()) {
            return detail;
        }
        return message("audit.detail.roles", roles(m.group(1)), roles(m.group(2))).orElseThrow() + m.group(3);
    }

    private String roles(String list) {
        if (list.isBlank()) {
            return message("audit.detail.roles.none").orElseThrow();
        }
        return Arrays.stream(list.split(",\\s*"))
            .map(r -> message("role." + r.strip()).orElse(r.strip())).collect(Collectors.joining(", "));
    }

    /** A new token's detail as stored (its scope and expiry instant) with the scope's name and the day it expires. */
    private String tokenDetail(String detail) {
        if (detail == null || !detail.contains(", expires ")) {
            return detail;
        }
        String scope = detail.substring(0, detail.indexOf(", expires "));
        String expires = detail.substring(detail.indexOf(", expires ") + ", expires ".length());
        try {
            return message("audit.detail.token", message("tokens.scope." + scope.toUpperCase(Locale.ROOT))
                .orElse(scope), DAY.format(Instant.parse(expires))).orElseThrow();
        } catch (DateTimeParseException ex) {
            return detail;
        }
    }

    private Map<UUID, String> names(String sql, List<AuditEntry> entries, String prefix) {
        List<UUID> ids = entries.stream().map(e -> id(e.target(), prefix)).filter(Objects::nonNull)
            .distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name"))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    private static UUID id(String target, String prefix) {
        if (target == null || !target.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(target.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Optional<String> message(String key, Object... args) {
        return Optional.ofNullable(messages.getMessage(key, args, null, LocaleContextHolder.getLocale()));
    }
}
