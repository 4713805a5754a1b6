package io.aftercare.intake.history;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Integrations")
class HistoryApiController {

    private final HistoryImports imports;

    HistoryApiController(HistoryImports imports) {
        this.imports = imports;
    }

    @Schema(name = "HistoryImportResult")
    record ImportResult(@Schema(description = "past incidents added") int imported,
                        @Schema(description = "incidents already known by source and id, left as they were")
                        int alreadyKnown,
                        @Schema(description = "people the file named whom nobody could match yet; map them under "
                            + "/integrations/unmatched") int unmatchedPeople,
                        @Schema(description = "aftercare or pagerduty: which columns the file had") String format) {
    }

    @PostMapping(path = "/api/v1/incidents/import", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import past incidents from CSV (admins)",
        description = "UTF-8 CSV with a header line: Aftercare's columns externalId,title,severity,startedAt,"
            + "resolvedAt,acknowledgedAt,service,team,url,source,commander,responders, or a PagerDuty incident "
            + "export (id, incident_number, description, status, urgency, priority, service_name, created_on, "
            + "resolved_on, …). Past incidents are recorded resolved and never open care cases. All or nothing: "
            + "when any line has a problem nothing is imported and the 400 problem lists every one as errors: "
            + "[{line, message}] (line 1 is the header). Importing the same file again adds nothing. See "
            + "docs/integrations/history-import.md.")
    ImportResult importHistory(@AuthenticationPrincipal AftercareUser me, @RequestBody(required = false) String csv) {
        var result = imports.importNow(csv, me.personId());
        return new ImportResult(result.imported(), result.alreadyKnown(), result.unmatchedPeople(), result.format());
    }
}
