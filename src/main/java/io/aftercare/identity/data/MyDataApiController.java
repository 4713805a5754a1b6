package io.aftercare.identity.data;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.DataRights;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Your data", description = """
    Everything Aftercare holds about you as one JSON document, and erasure of all of it (decision 0016). Only ever \
    your own data: nobody exports another person's, admins included. A personal API token acts as you here too; \
    erasure still needs your e-mail typed as confirmation.""")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
class MyDataApiController {

    static final String CONFIRMATION_MESSAGE = "must be your e-mail address; nothing was erased";

    private final DataRights dataRights;

    MyDataApiController(DataRights dataRights) {
        this.dataRights = dataRights;
    }

    /** @param confirmation the e-mail address you sign in with (case and surrounding spaces do not matter) */
    record Confirmation(String confirmation) {
    }

    @GetMapping("/export")
    @Operation(summary = "Download everything Aftercare holds about you", description = """
        One JSON document by section (profile, account, care, journal, support, notifications, incidents, sourceIdentities, \
        key, audit), your notes decrypted. Recorded in the audit log, without content.""")
    @ApiResponse(responseCode = "200", description = "The document, as an attachment named aftercare-my-data.json")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal AftercareUser me) {
        return ExportDownload.of(dataRights.export(me.personId()));
    }

    @DeleteMapping
    @Operation(summary = "Erase everything Aftercare holds about you", description = """
        Send {"confirmation": "<your e-mail>"}. All or nothing, and it cannot be undone: your profile, account, care \
        cases, notes, support requests, nudges and notifications go, your key is destroyed, your sessions and API \
        tokens (this one too) stop working. Incidents you were in keep a responder without saying who; the audit \
        log records that an erasure happened, nothing else.""")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ApiResponse(responseCode = "400", description = "confirmation is missing or is not your e-mail; nothing was erased")
    @ApiResponse(responseCode = "403", description = "Called with a read-only token")
    ResponseEntity<Void> erase(@AuthenticationPrincipal AftercareUser me,
                               @RequestBody(required = false) Confirmation body) {
        if (body == null || !DataRightsService.confirms(body.confirmation(), me.login())) {
            throw DomainException.invalid("confirmation", CONFIRMATION_MESSAGE);
        }
        dataRights.erase(me.personId(), me.personId());
        return ResponseEntity.noContent().build();
    }
}
