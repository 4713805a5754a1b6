package io.aftercare.directory.team;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * The directory's team and rotation entries of the audit log in words: the team or rotation by its name (the one
 * the entry kept when it has since been deleted), and a member added or removed by their name rather than their id.
 * People's own entries ({@code person:…}) are identity's to describe.
 */
@Component
class DirectoryAuditWords implements AuditEntryWords {

    private static final String TEAM = "team:";
    private static final String ROTATION = "rotation:";
    private static final String ADDED = "added person:";
    private static final String REMOVED = "removed person:";

    private final TeamRepository teams;
    private final PersonRepository people;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    DirectoryAuditWords(TeamRepository teams, PersonRepository people, JdbcClient jdbc, MessageSource messages) {
        this.teams = teams;
        this.people = people;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        String target = entry.target() == null ? "" : entry.target();
        if (target.startsWith(TEAM)) {
            return AuditEntryWords.uuid(target.substring(TEAM.length())).map(id -> team(entry, id));
        }
        if (target.startsWith(ROTATION)) {
            return AuditEntryWords.uuid(target.substring(ROTATION.length())).map(id -> rotation(entry, id));
        }
        return Optional.empty();
    }

    private Words team(AuditEntry entry, UUID id) {
        String detail = entry.detail() == null ? "" : entry.detail();
        boolean member = detail.startsWith(ADDED) || detail.startsWith(REMOVED);
        String name = teams.find(id).map(TeamRef::name)
            .orElse(!member && !detail.isBlank() ? detail : message("audit.on." + entry.action()));
        if (detail.startsWith(ADDED)) {
            return new Words(name, message("directory.audit.team.added", person(detail.substring(ADDED.length()))));
        }
        if (detail.startsWith(REMOVED)) {
            return new Words(name, message("directory.audit.team.removed",
                person(detail.substring(REMOVED.length()))));
        }
        // a team saved under another name than it has now: the name it was given then
        boolean renamed = "TEAM_CHANGED".equals(entry.action()) && !detail.isBlank() && !detail.equals(name);
        return new Words(name, renamed ? message("directory.audit.team.named", detail) : null);
    }

    private Words rotation(AuditEntry entry, UUID id) {
        String detail = entry.detail() == null || entry.detail().startsWith("override:") ? "" : entry.detail();
        String name = jdbc.sql("SELECT r.name, t.name FROM rotation r JOIN team t ON t.id = r.team_id WHERE r.id = ?")
            .param(id)
            .query((rs, n) -> message("directory.audit.rotation", rs.getString(1), rs.getString(2)))
            .optional()
            .orElse(detail.isBlank() ? message("audit.on." + entry.action()) : detail);
        return new Words(name, null);
    }

    private String person(String id) {
        return AuditEntryWords.uuid(id).flatMap(people::find).map(PersonRef::name).orElse(message("audit.actor.gone"));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
