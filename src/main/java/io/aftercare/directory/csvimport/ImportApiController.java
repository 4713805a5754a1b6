package io.aftercare.directory.csvimport;

import java.util.List;

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
@Tag(name = "People")
class ImportApiController {

    private final PeopleImport importer;

    ImportApiController(PeopleImport importer) {
        this.importer = importer;
    }

    @Schema(name = "ImportResult")
    record ImportResult(@Schema(description = "people added") int imported,
                        @Schema(description = "names of the teams that did not exist and were created")
                        List<String> teamsCreated) {
    }

    @PostMapping(path = "/api/v1/people/import", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import people and their teams from CSV (admins)",
        description = "UTF-8 CSV with a header line; columns name,email,timeZone,quietStart,quietEnd,weekendDays,"
            + "teams,lead,manager,roles,pagerduty,opsgenie,slack,incidentio (only name and email required; lists "
            + "separated by ';'; teams by name, created when missing; manager by e-mail). All or nothing: when any "
            + "line has a problem nothing is imported and the 400 problem lists every one as errors: [{line, "
            + "message}] (line 1 is the header). See docs/directory-import.md.")
    ImportResult importPeople(@AuthenticationPrincipal AftercareUser me, @RequestBody(required = false) String csv) {
        var result = importer.importCsv(csv, me.personId());
        return new ImportResult(result.imported(), result.teamsCreated());
    }
}
