package io.aftercare.intake.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.incidents.Deploys;
import io.aftercare.incidents.NewDeploy;
import io.aftercare.intake.source.DeployEventParser;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.InvalidPayloadException;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Events", description = """
    Report incidents from any tool or script that has no adapter of its own (admins only, with an admin's API token \
    or a generic integration's webhook): an event names its own external id, responders and times, as an \
    integration does, so it is not for everyone who signs in (they record incidents by hand). Report deploys from \
    CI with type "deploy": a person's batting average counts the incidents they were in against the changes shipped \
    for their teams (docs/api.md has a CI example).""")
class EventApiController {

    private final Deliveries deliveries;
    private final Deploys deploys;
    private final Directory directory;

    EventApiController(Deliveries deliveries, Deploys deploys, Directory directory) {
        this.deliveries = deliveries;
        this.deploys = deploys;
        this.directory = directory;
    }

    /** Only for the OpenAPI description: a deploy. */
    @Schema(name = "DeployEvent")
    record DeployDoc(
        @Schema(allowableValues = {"deploy"}, requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "Your id for the deploy: the same id again is not counted twice",
            requiredMode = Schema.RequiredMode.REQUIRED, example = "checkout-build-1234") String id,
        @Schema(description = "The service that changed", requiredMode = Schema.RequiredMode.REQUIRED,
            example = "checkout") String service,
        @Schema(description = "A team name in the directory") String team,
        @Schema(description = "When it was deployed; default now", example = "2026-03-01T09:30:00Z") String at,
        @Schema(description = "A link to the pipeline run or the change (http or https)") String url) {
    }

    /** Only for the OpenAPI description: the body is read raw, as every source's is. */
    @Schema(name = "IncidentEvent")
    record EventDoc(
        @Schema(description = "Repeat a request with the same key and it is not applied twice (else the body's "
            + "SHA-256 is the key)", example = "deploy-42-resolved") String idempotencyKey,
        @Schema(description = "Your id for the incident; the same id updates the same incident",
            requiredMode = Schema.RequiredMode.REQUIRED, example = "deploy-42") String externalId,
        @Schema(allowableValues = {"triggered", "acknowledged", "resolved"},
            requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(example = "Checkout deploy failed") String title,
        @Schema(description = "SEV1–SEV5; P1–P5 and words like critical are read too (SEV3 if never given)",
            example = "SEV2") String severity,
        String service,
        @Schema(description = "A team name in the directory") String team,
        @Schema(description = "A link back to your tool (http or https)") String url,
        List<ResponderDoc> responders,
        @Schema(description = "When this happened; default now", example = "2026-03-01T09:30:00Z") String occurredAt) {
    }

    record ResponderDoc(String email, IdentityDoc externalIdentity,
                        @Schema(allowableValues = {"COMMANDER", "RESPONDER", "OBSERVER"}) String role) {
    }

    record IdentityDoc(@Schema(example = "pagerduty") String provider, @Schema(example = "PXPGF42") String id) {
    }

    @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report an incident event", description = """
        Creates the incident on its first event and updates it on later ones (same externalId). Status only moves \
        forward: a resolve that arrives before its trigger still resolves the incident, at occurredAt. Responders \
        are matched by e-mail or by external identity; people the directory does not know are kept for an admin \
        to map (and are added to this incident once mapped). Answers 202 {outcome: ACCEPTED, incidentId} once \
        stored, 200 {outcome: DUPLICATE} for a repeated idempotencyKey, 400 naming the invalid field, 403 for \
        anyone but an admin, 413 above 1 MiB. With type "deploy" the body is a deploy instead ({type, id, service, \
        team, at, url}): 202 {outcome: ACCEPTED} once stored, 200 {outcome: DUPLICATE} for an id already known, 400 \
        naming the invalid field (a missing id or service, an unknown team, a time in the future, a link that is \
        not http or https). Any other type is 400.""",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {EventDoc.class,
                DeployDoc.class}))))
    ResponseEntity<?> report(@AuthenticationPrincipal AftercareUser me, @RequestBody byte[] body) {
        if (body.length > WebhookEndpoint.MAX_BODY) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "The body is larger than 1 MiB.", null);
        }
        String type;
        try {
            type = DeployEventParser.type(body);
        } catch (InvalidPayloadException e) {
            type = "incident"; // the incident path names what is wrong with the body
        }
        if (type.equals("deploy")) {
            return deploy(body);
        }
        if (!type.equals("incident")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "type: must be incident or deploy", "type");
        }
        Deliveries.Result result;
        try {
            result = deliveries.receive(new Deliveries.Channel("api", null, "generic", me.personId()), body, null,
                GenericEventParser::parse);
        } catch (DataAccessException | TransactionException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Aftercare cannot store events right now. Please retry."));
        }
        if (result.status() >= 400) {
            return problem(HttpStatus.valueOf(result.status()), "Invalid request", result.detail(), result.field());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", result.outcome().name());
        answer.put("deliveryId", result.deliveryId());
        answer.put("incidentId", result.incidentId());
        return ResponseEntity.status(result.outcome() == Outcome.DUPLICATE ? HttpStatus.OK : HttpStatus.ACCEPTED)
            .body(answer);
    }

    private ResponseEntity<?> deploy(byte[] body) {
        DeployEventParser.DeployEvent event = DeployEventParser.parse(body);
        UUID teamId = null;
        if (event.team() != null) {
            teamId = directory.teamByName(event.team()).map(TeamRef::id)
                .orElseThrow(() -> DomainException.invalid("team", "is not a team in the directory"));
        }
        boolean added = deploys.record(new NewDeploy(event.id(), event.service(), teamId, event.at(), event.url()));
        return ResponseEntity.status(added ? HttpStatus.ACCEPTED : HttpStatus.OK)
            .body(Map.of("outcome", added ? Outcome.ACCEPTED.name() : Outcome.DUPLICATE.name()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message",
                detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

}
