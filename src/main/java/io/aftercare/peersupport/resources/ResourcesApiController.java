package io.aftercare.peersupport.resources;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Professional help (tier 3) as API: anyone may read it, signed in or not; coordinators and admins keep it. */
@RestController
@Tag(name = "Resources", description = "Professional help: crisis lines, the employee assistance programme, "
    + "counselling. Anyone may read them, without signing in; coordinators and admins add and remove them.")
class ResourcesApiController {

    private final ResourceCatalogue catalogue;

    ResourcesApiController(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Schema(name = "Resource")
    record ResourceView(UUID id, @Schema(example = "Germany") String country, @Schema(example = "Deutsch") String language,
                        @Schema(allowableValues = {"CRISIS", "EAP", "COUNSELLING", "OTHER"}) String kind, String name,
                        String description, String contact, String url) {

        static ResourceView of(ResourcesController.Resource r) {
            return new ResourceView(r.id(), r.country(), r.language(), r.kind(), r.name(), r.description(),
                r.contact(), r.url());
        }
    }

    @Schema(name = "ResourceInput", description = "Only name is required; country defaults to Everywhere, kind to "
        + "OTHER; longer texts are cut (country 64, language 32, name 200, description 1000, contact 200, url 500)")
    record ResourceInput(String country, String language,
                         @Schema(allowableValues = {"CRISIS", "EAP", "COUNSELLING", "OTHER"}) String kind,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String description,
                         String contact, @Schema(description = "http or https") String url) {
    }

    @GetMapping("/api/v1/resources")
    @SecurityRequirements
    @Operation(summary = "Professional help, crisis lines first")
    @ApiResponse(responseCode = "200", description = "Every resource")
    @ApiResponse(responseCode = "406", description = "The Accept header allows no JSON")
    List<ResourceView> list() {
        return catalogue.all().stream().map(ResourceView::of).toList();
    }

    @PostMapping("/api/v1/programme/resources")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "Add a resource")
    ResponseEntity<ResourceView> add(@RequestBody ResourceInput body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (body != null && !ResourceCatalogue.valid("name", body.url())) {
            errors.add(new FieldError("url", "must start with https:// or http://"));
        }
        if (body != null && body.kind() != null && !ResourceCatalogue.KINDS.contains(body.kind())) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", ResourceCatalogue.KINDS)));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = catalogue.add(new ResourceCatalogue.NewResource(body.country(), body.language(),
            body.kind() == null ? "OTHER" : body.kind(), body.name(), body.description(), body.contact(), body.url()));
        ResourceView created = catalogue.all().stream().filter(r -> r.id().equals(id)).findFirst()
            .map(ResourceView::of).orElseThrow(() -> DomainException.notFound("Resource"));
        return ResponseEntity.created(URI.create("/api/v1/resources")).body(created);
    }

    @DeleteMapping("/api/v1/programme/resources/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "Remove a resource")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!catalogue.delete(id)) {
            throw DomainException.notFound("Resource");
        }
        return ResponseEntity.noContent().build();
    }
}
