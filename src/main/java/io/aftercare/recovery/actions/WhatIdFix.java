package io.aftercare.recovery.actions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareCases;
import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.incidents.WebLink;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * "What I'd fix": the follow-up actions a person lists against a case of their own, a place to park the worry, not
 * a task tracker (no due dates, no assignees). Titles and links are the person's own words, encrypted with their
 * key; every call names the person, and a case or action that is not theirs is "not found", never "forbidden".
 */
@Service
public class WhatIdFix {

    static final int TITLE_MAX = 200;

    /** One action, decrypted for its owner. */
    public record Action(UUID id, UUID caseId, String title, String url, boolean done, Instant doneAt,
                         Instant createdAt) {
    }

    /** What a person changes; a null field stays as it is, an empty url removes the link. */
    public record Change(String title, String url, Boolean done) {
    }

    /** How many of a case's actions are done, of how many. */
    record Tally(int done, int total) {
    }

    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;
    private final CareCases care;
    private final Clock clock;

    WhatIdFix(JdbcClient jdbc, PersonalEncryption encryption, CareCases care, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.care = care;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Action> list(UUID personId, UUID caseId) {
        ownCase(personId, caseId);
        return jdbc.sql("""
                SELECT id, case_id, title_ciphertext, url_ciphertext, done_at, created_at FROM recovery_action
                WHERE person_id = ? AND case_id = ? ORDER BY created_at, id""")
            .params(personId, caseId)
            .query((rs, n) -> decrypt(personId, rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getBytes("title_ciphertext"), rs.getBytes("url_ciphertext"), DbTime.instant(rs, "done_at"),
                DbTime.instant(rs, "created_at")))
            .list();
    }

    @Transactional(readOnly = true)
    Tally tally(UUID personId, UUID caseId) {
        return jdbc.sql("""
                SELECT COUNT(done_at), COUNT(*) FROM recovery_action WHERE person_id = ? AND case_id = ?""")
            .params(personId, caseId)
            .query((rs, n) -> new Tally(rs.getInt(1), rs.getInt(2))).single();
    }

    @Transactional
    public Action add(UUID personId, UUID caseId, String title, String url) {
        ownCase(personId, caseId);
        Change valid = valid(title, url);
        String cleanTitle = valid.title();
        String cleanUrl = valid.url();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO recovery_action (id, person_id, case_id, title_ciphertext, url_ciphertext, created_at,
                                             updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(id, personId, caseId, encryption.encryptText(personId, cleanTitle, titleData(id)),
                cleanUrl == null ? null : encryption.encryptText(personId, cleanUrl, urlData(id)), DbTime.toDb(now),
                DbTime.toDb(now))
            .update();
        return new Action(id, caseId, cleanTitle, cleanUrl, false, null, now);
    }

    @Transactional
    public Action change(UUID personId, UUID caseId, UUID actionId, Change change) {
        Action action = own(personId, caseId, actionId);
        Change valid = valid(change.title() == null ? action.title() : change.title(),
            change.url() == null ? action.url() : change.url());
        String title = valid.title();
        String url = valid.url();
        Instant now = clock.instant();
        Instant doneAt = change.done() == null ? action.doneAt()
            : change.done() ? (action.done() ? action.doneAt() : now) : null;
        jdbc.sql("""
                UPDATE recovery_action SET title_ciphertext = ?, url_ciphertext = ?, done_at = ?, updated_at = ?
                WHERE id = ? AND person_id = ?""")
            .params(encryption.encryptText(personId, title, titleData(actionId)),
                url == null ? null : encryption.encryptText(personId, url, urlData(actionId)), DbTime.toDb(doneAt),
                DbTime.toDb(now), actionId, personId)
            .update();
        return new Action(actionId, caseId, title, url, doneAt != null, doneAt, action.createdAt());
    }

    @Transactional
    void delete(UUID personId, UUID caseId, UUID actionId) {
        own(personId, caseId, actionId);
        jdbc.sql("DELETE FROM recovery_action WHERE id = ? AND person_id = ?").params(actionId, personId).update();
    }

    Action own(UUID personId, UUID caseId, UUID actionId) {
        return list(personId, caseId).stream().filter(a -> a.id().equals(actionId)).findFirst()
            .orElseThrow(() -> DomainException.notFound("Action"));
    }

    private void ownCase(UUID personId, UUID caseId) {
        if (!care.isOwnCase(personId, caseId)) {
            throw DomainException.notFound("Care case");
        }
    }

    /** The title and link as kept (stripped; a blank link is none), or every field at fault at once. */
    static Change valid(String title, String url) {
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = null;
        String cleanUrl = null;
        try {
            cleanTitle = title(title);
        } catch (DomainException.Invalid e) {
            errors.addAll(e.errors());
        }
        try {
            cleanUrl = url(url);
        } catch (DomainException.Invalid e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Change(cleanTitle, cleanUrl, null);
    }

    static String title(String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            throw DomainException.invalid("title", "is required");
        }
        if (clean.length() > TITLE_MAX) {
            throw DomainException.invalid("title", "is longer than " + TITLE_MAX + " characters");
        }
        return clean;
    }

    /** Blank is no link; anything else must keep the incidents' rule for a web link (http or https, with a host). */
    static String url(String url) {
        String clean = url == null ? "" : url.strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (!WebLink.isValid(clean)) {
            throw DomainException.invalid("url", "must be an http or https address");
        }
        return clean;
    }

    Action decrypt(UUID personId, UUID id, UUID caseId, byte[] title, byte[] url, Instant doneAt, Instant createdAt) {
        try {
            return new Action(id, caseId, encryption.decryptText(personId, title, titleData(id)),
                url == null ? null : encryption.decryptText(personId, url, urlData(id)), doneAt != null, doneAt,
                createdAt);
        } catch (KeyDestroyedException e) {
            return new Action(id, caseId, "", null, doneAt != null, doneAt, createdAt);
        }
    }

    static String titleData(UUID id) {
        return "recovery.action.title:" + id;
    }

    static String urlData(UUID id) {
        return "recovery.action.url:" + id;
    }
}
