package io.aftercare.identity;

import java.util.Map;
import java.util.UUID;

/**
 * A person's data rights (decision 0016): everything Aftercare holds about them as one document, and erasure.
 * Every module's {@link io.aftercare.shared.PersonalData} takes part.
 */
public interface DataRights {

    /**
     * Everything Aftercare holds about the person, decrypted for them, by section; read in one transaction and
     * recorded in the audit log (without content). Only ever for the person themselves.
     */
    Map<String, Object> export(UUID personId);

    /**
     * Erases the person in one transaction, all or nothing: every module's rows about them go (or become anonymous
     * where a count must survive), pending event publications that name them go, their key is destroyed, their
     * sessions and API tokens end. The audit log records that an erasure happened, and nothing else.
     *
     * @param actorId who asked: the person themselves, or an admin
     */
    void erase(UUID personId, UUID actorId);
}
