package io.aftercare.identity.data;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.Accounts;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.DataRights;
import io.aftercare.shared.PersonalData;

/**
 * A person's data rights over every module's {@link PersonalData} (decision 0016). Export reads every section in one
 * read-only transaction; erasure runs every section, the event publications and the audit entry in one transaction,
 * so that a failure anywhere leaves the person exactly as they were. The person's key is destroyed by crypto's own
 * section, after every other one: crypto depends on identity (its admin API records in the audit log), so identity
 * reaching into crypto would make the modules a cycle.
 */
@Service
class DataRightsService implements DataRights {

    /** The export's section with the audit log's entries about the person made by someone else. */
    static final String AUDIT_SECTION = "audit";

    static final String BY_THE_PERSON = "by the person";
    static final String BY_AN_ADMIN = "by an admin";

    private final ObjectProvider<PersonalData> sections;
    private final AuditLog audit;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    DataRightsService(ObjectProvider<PersonalData> sections, AuditLog audit, Accounts accounts,
                      JdbcClient jdbc) {
        this.sections = sections;
        this.audit = audit;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** An audit entry as the person reads it in their export: who (by name, while they are in the directory). */
    record AuditExport(Instant at, UUID actorId, String byName, String action, String target, String detail) {
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID personId) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (PersonalData section : sections()) {
            document.put(section.section(), section.export(personId));
        }
        document.put(AUDIT_SECTION, audit.about(personId).stream()
            .map(e -> new AuditExport(e.at(), e.actorId(), e.actorName(), e.action(), e.target(), e.detail()))
            .toList());
        // what was exported is theirs to know, not the log's: the entry says only that it happened
        audit.record(personId, personId, "DATA_EXPORTED", "person:" + personId, null);
        return document;
    }

    @Override
    @Transactional
    public void erase(UUID personId, UUID actorId) {
        // first, while the account still names the login their sessions are indexed by; they end once this commits
        // (and not at all if it rolls back)
        accounts.endSessions(personId);
        for (PersonalData section : sections()) {
            section.erase(personId);
        }
        // pending and completed events that carry the person's id (an answer's outreach wish, a resolved incident)
        jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE ?").param("%" + personId + "%")
            .update();
        // nothing of what was erased, not even a name: only that it happened and who asked
        audit.record(actorId, personId, "PERSON_ERASED", "person:" + personId,
            personId.equals(actorId) ? BY_THE_PERSON : BY_AN_ADMIN);
    }

    /**
     * Every module's section, looked up when needed (a module's section may itself need beans that need this
     * service). orderedStream honours @Order on classes and on @Bean methods alike: erasure runs in that order, the
     * directory's person row last.
     */
    private List<PersonalData> sections() {
        return sections.orderedStream().toList();
    }

    /** Whether the typed confirmation is the person's e-mail, ignoring case and surrounding blanks. */
    static boolean confirms(String typed, String login) {
        return typed != null && login != null
            && typed.strip().toLowerCase(Locale.ROOT).equals(login.strip().toLowerCase(Locale.ROOT));
    }
}
