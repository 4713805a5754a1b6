package io.aftercare.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;

/**
 * The append-only audit log: role changes, invitations, tokens, integration and settings changes, exports,
 * erasures and reads of a person's data by someone else. It records what was done, never the content of anyone's
 * answers or notes. Each entry is chained to the one before it by a hash, so a changed or missing entry shows in
 * {@link #verify()}.
 */
public interface AuditLog {

    /**
     * The action of an entry that records a read of one person's personal data by someone else (a supporter
     * opening the request assigned to them). Such entries are in the chain, and shown to the person they are about
     * under "Who saw what about me", but never in the admin's listing, filter or count: that a supporter read
     * someone's request would tell an admin that this person asked for help.
     */
    String PERSONAL_DATA_READ = "personal-data.read";

    /** Records an entry that is about no one person in particular (a setting, an integration). */
    void record(UUID actorId, String action, String target, String detail);

    /**
     * Records an entry about one person (whose roles changed, whose token was revoked, whose data was read): it is
     * shown to them under "Who saw what about me" when the actor is someone else.
     */
    void record(UUID actorId, UUID subjectPersonId, String action, String target, String detail);

    /** Entries about the person made by someone else (or by Aftercare itself), newest first. */
    List<AuditEntry> about(UUID personId);

    /** One page of entries, newest first, filtered as the admin asks. */
    Page<AuditEntry> search(Filter filter, PageRequest page);

    /** Every action that occurs in the log, for the admin page's filter. */
    List<String> actions();

    /**
     * Walks the whole chain: ok, or the first entry that was changed or follows a missing one. The count of
     * entries checked leaves out {@link #PERSONAL_DATA_READ} entries (they are checked all the same).
     */
    Verification verify();

    /**
     * One entry.
     *
     * @param actorName the actor's name in the directory, or {@code null} for Aftercare itself or a person who
     *                  has since been deleted
     */
    record AuditEntry(UUID id, long seq, java.time.Instant at, UUID actorId, String actorName, String action,
                      String target, UUID subjectPersonId, String detail) {
    }

    /**
     * What to look for; every part is optional.
     *
     * @param actor an actor's id, or part of their name or e-mail
     * @param from  first day (UTC), inclusive
     * @param to    last day (UTC), inclusive
     */
    record Filter(String action, String actor, LocalDate from, LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /**
     * The outcome of walking the chain.
     *
     * @param entries     how many entries were checked
     * @param brokenSeq   the position of the first entry that does not fit, or {@code null} when all do
     * @param brokenId    that entry's id ({@code null} when the entry is missing at the end of the chain)
     * @param problem     what is wrong with it, in plain words
     */
    record Verification(boolean ok, long entries, Long brokenSeq, UUID brokenId, String problem) {
    }
}
