package io.aftercare.identity;

import java.util.UUID;

/**
 * The append-only audit log: role changes, integration changes, exports, erasures. It records what was done,
 * never the content of anyone's answers.
 */
public interface AuditLog {

    void record(UUID actorId, String action, String target, String detail);
}
