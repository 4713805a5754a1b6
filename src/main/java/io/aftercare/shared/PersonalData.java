package io.aftercare.shared;

import java.util.UUID;

/**
 * What one module holds about a person, for the person's right to have it (export) and to have it gone (erasure).
 * Each module that stores anything about a person has one small implementation; identity collects them all
 * (decision 0016). Implementations are Spring beans; {@link org.springframework.core.annotation.Order} decides the
 * order of erasure (care 100, peer support 200, notify 300, incidents 400, intake 500, identity 900, the
 * directory's person row at 1000, and crypto's destruction of the person's key after all of them at 1100).
 */
public interface PersonalData {

    /** The section's name in the export, for example {@code "care"}. */
    String section();

    /**
     * Everything this module holds about the person, decrypted for them: records, lists and maps that serialise to
     * JSON. Runs inside one read-only transaction with every other section.
     */
    Object export(UUID personId);

    /**
     * Deletes every row about the person, or makes it anonymous where a count must survive (an incident keeps "a
     * responder", not who). Runs inside the erasure's one transaction: anything thrown undoes every section.
     */
    void erase(UUID personId);
}
