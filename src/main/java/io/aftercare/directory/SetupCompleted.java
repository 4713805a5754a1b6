package io.aftercare.directory;

import java.util.UUID;

/**
 * The first admin was created on an empty Aftercare. Published inside the creating transaction.
 *
 * @param loadDemo whether they asked for the demo organisation as well
 */
public record SetupCompleted(UUID adminId, boolean loadDemo) {
}
