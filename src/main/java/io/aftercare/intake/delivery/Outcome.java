package io.aftercare.intake.delivery;

/** What became of a delivery, as the delivery log shows it. */
public enum Outcome {
    /** Verified, new and stored: its incident event is being applied from the stored row (decision 0011). */
    QUEUED,
    /** Verified, new, and applied (or a test event). */
    ACCEPTED,
    /** Verified, but seen before (same event id, or same body where the source sends no id): not applied again. */
    DUPLICATE,
    /** Verified, but an event type Aftercare does not use: answered 2xx so that the sender does not retry. */
    IGNORED_EVENT_TYPE,
    /** The signature or token did not match: 401, nothing kept but this line and a counter. */
    REJECTED_SIGNATURE,
    /** Verified, but not a payload Aftercare can read (malformed JSON, wrong content type, missing fields). */
    INVALID
}
