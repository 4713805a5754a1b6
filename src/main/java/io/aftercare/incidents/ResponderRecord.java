package io.aftercare.incidents;

import java.util.List;
import java.util.UUID;

/** A person's own record as a responder, for the person alone (recovery's batting average). */
public interface ResponderRecord {

    /** Every incident the person was in, in any role, oldest first. */
    List<RespondedIncident> respondedBy(UUID personId);
}
