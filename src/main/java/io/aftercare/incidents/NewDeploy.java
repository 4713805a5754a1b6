package io.aftercare.incidents;

import java.time.Instant;
import java.util.UUID;

/**
 * A change shipped to production, as a CI pipeline reports it.
 *
 * @param externalId required, the caller's id for it: the same id again is not counted twice
 * @param service    required, the service that changed
 * @param teamId     optional, a team in the directory
 * @param at         when it was deployed
 * @param url        optional, a link to the pipeline run or the change (http or https)
 */
public record NewDeploy(String externalId, String service, UUID teamId, Instant at, String url) {
}
