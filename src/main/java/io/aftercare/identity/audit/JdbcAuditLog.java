package io.aftercare.identity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.identity.AuditLog;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.Sha256;

/**
 * The audit log as a hash chain in {@code audit_log}. Appends take the single {@code audit_head} row FOR UPDATE in
 * the caller's transaction, so entries from every instance form one line (seq 1, 2, 3 …) and an entry commits or
 * rolls back with what it records.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int DETAIL_MAX = 1000;
    private static final int TARGET_MAX = 200;

    private static final String SELECT = """
        SELECT a.id, a.seq, a.at, a.actor_id, p.name AS actor_name, a.action, a.target, a.subject_person_id, a.detail
        FROM audit_log a LEFT JOIN person p ON p.id = a.actor_id
        """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate ownTransaction;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(UUID actorId, String action, String target, String detail) {
        record(actorId, null, action, target, detail);
    }

    /**
     * Joins the caller's transaction, so the entry commits with what it records. A read-only transaction (a read
     * being recorded) cannot write: the entry then gets a transaction of its own.
     */
    @Override
    public void record(UUID actorId, UUID subjectPersonId, String action, String target, String detail) {
        Runnable append = () -> append(UUID.randomUUID(), Instant.now(clock), actorId, subjectPersonId, action,
            clip(target, TARGET_MAX), clip(detail, DETAIL_MAX));
        if (TransactionSynchronizationManager.isActualTransactionActive()
            && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            append.run();
        } else if (TransactionSynchronizationManager.isActualTransactionActive()) {
            ownTransaction.executeWithoutResult(status -> append.run());
        } else {
            joinOrStart.executeWithoutResult(status -> append.run());
        }
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(s.length(), max));
    }

    private record Head(long seq, String hash) {
    }

    private Head lockHead() {
        return jdbc.sql("SELECT seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private void append(UUID id, Instant when, UUID actorId, UUID subject, String action, String target,
                        String detail) {
        Head head = lockHead();
        Instant at = when.truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq() + 1;
        String hash = hash(seq, id, at, actorId, action, target, subject, detail, head.hash());
        jdbc.sql("""
                INSERT INTO audit_log (id, at, actor_id, action, target, detail, subject_person_id, seq, prev_hash,
                                       entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actorId, action, target, detail, subject, seq,
                head.hash(), hash)
            .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
    }

    /**
     * Entries written before the chain existed (no seq yet) join it in the order they were written. Runs when
     * Aftercare starts; later it finds none.
     */
    @Transactional
    public int chainUnchained() {
        lockHead();
        record Legacy(UUID id, Instant at, UUID actor, String action, String target, String detail) {
        }
        List<Legacy> legacy = jdbc.sql("""
                SELECT id, at, actor_id, action, target, detail FROM audit_log WHERE seq IS NULL ORDER BY at, id""")
            .query((rs, n) -> new Legacy(rs.getObject(1, UUID.class),
                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6)))
            .list();
        for (Legacy l : legacy) {
            jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(l.id()).update();
            append(l.id(), l.at(), l.actor(), null, l.action(), l.target(), l.detail());
        }
        return legacy.size();
    }

    static String hash(long seq, UUID id, Instant at, UUID actorId, String action, String target, UUID subject,
                       String detail, String prevHash) {
        StringBuilder canonical = new StringBuilder("aftercare-audit-v1");
        for (Object field : new Object[] {seq, id, at.truncatedTo(ChronoUnit.MICROS), actorId, action, target,
            subject, detail, prevHash}) {
            if (field == null) {
                canonical.append("|-");
            } else {
                String s = field.toString();
                canonical.append('|').append(s.length()).append(':').append(s);
            }
        }
        return Sha256.hex(canonical.toString());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getLong("seq"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
            rs.getString("actor_name"), rs.getString("action"), rs.getString("target"),
            rs.getObject("subject_person_id", UUID.class), rs.getString("detail"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> about(UUID personId) {
        return jdbc.sql(SELECT + """
                WHERE a.subject_person_id = ? AND (a.actor_id IS NULL OR a.actor_id <> ?)
                ORDER BY a.seq DESC""")
            .params(personId, personId)
            .query((rs, n) -> entry(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        // reads of a person's data by someone else are theirs to see, not the admin's (see PERSONAL_DATA_READ)
        where.add("a.action <> ?");
        params.add(PERSONAL_DATA_READ);
        if (filter.action() != null && !filter.action().isBlank()) {
            where.add("a.action = ?");
            params.add(filter.action().strip());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            String actor = filter.actor().strip();
            Optional<UUID> id = uuid(actor);
            if (id.isPresent()) {
                where.add("a.actor_id = ?");
                params.add(id.get());
            } else {
                String like = "%" + actor.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
                where.add("(LOWER(p.name) LIKE ? ESCAPE '\\' OR LOWER(p.email) LIKE ? ESCAPE '\\')");
                params.add(like);
                params.add(like);
            }
        }
        if (filter.from() != null) {
            where.add("a.at >= ?");
            params.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.add("a.at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        String clause = where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + "\n";
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log a LEFT JOIN person p ON p.id = a.actor_id\n" + clause)
            .params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<AuditEntry> items = jdbc.sql(SELECT + clause + "ORDER BY a.seq DESC LIMIT ? OFFSET ?")
            .params(paged).query((rs, n) -> entry(rs)).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return s.length() == 36 ? Optional.of(UUID.fromString(s)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log WHERE action <> ? ORDER BY action")
            .param(PERSONAL_DATA_READ).query(String.class).list();
    }

    private record Link(UUID id, Long seq, Instant at, UUID actor, String action, String target, UUID subject,
                        String detail, String prevHash, String hash) {
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify() {
        Optional<UUID> loose = jdbc.sql("SELECT id FROM audit_log WHERE seq IS NULL ORDER BY at, id")
            .query(UUID.class).list().stream().findFirst();
        if (loose.isPresent()) {
            return new Verification(false, 0, null, loose.get(), "This entry is not part of the chain.");
        }
        Head head = jdbc.sql("SELECT seq, last_hash FROM audit_head WHERE id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long expected = 1;
        String previous = GENESIS;
        long checked = 0;
        long shown = 0;
        while (true) {
            List<Link> batch = jdbc.sql("""
                    SELECT id, seq, at, actor_id, action, target, subject_person_id, detail, prev_hash, entry_hash
                    FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 1000""")
                .param(expected)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getLong(2),
                    rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, UUID.class), rs.getString(5),
                    rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
                    rs.getString(10)))
                .list();
            if (batch.isEmpty()) {
                break;
            }
            for (Link l : batch) {
                if (l.seq() != expected) {
                    return new Verification(false, checked, l.seq(), l.id(),
                        "The entry before this one (number " + expected + ") is missing.");
                }
                if (!previous.equals(l.prevHash())) {
                    return new Verification(false, checked, l.seq(), l.id(),
                        "This entry does not follow the entry before it.");
                }
                String recomputed = hash(l.seq(), l.id(), l.at(), l.actor(), l.action(), l.target(), l.subject(),
                    l.detail(), l.prevHash());
                if (!recomputed.equals(l.hash())) {
                    return new Verification(false, checked, l.seq(), l.id(), "This entry was changed after it was written.");
                }
                previous = l.hash();
                expected++;
                checked++;
                if (!PERSONAL_DATA_READ.equals(l.action())) {
                    shown++;
                }
            }
        }
        if (head.seq() != checked || !head.hash().equals(previous)) {
            return new Verification(false, checked, checked + 1, null,
                head.seq() > checked ? "The last " + (head.seq() - checked) + " entries are missing."
                    : "The chain's head does not match its last entry.");
        }
        return new Verification(true, shown, null, null, null);
    }
}
