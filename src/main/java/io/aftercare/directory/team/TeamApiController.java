package io.aftercare.directory.team;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.TeamRef;
import io.aftercare.directory.team.TeamService.TeamInput;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams, their leads and members. Anyone signed in can read; only admins can "
    + "change.")
class TeamApiController {

    private final TeamService teams;
    private final TeamRepository repository;

    TeamApiController(TeamService teams, TeamRepository repository) {
        this.teams = teams;
        this.repository = repository;
    }

    @Schema(name = "Team", description = "leads are members too; members lists everyone, leads included")
    record TeamView(UUID id, String name, List<UUID> leads, List<UUID> members) {
        static TeamView of(TeamRef t) {
            return new TeamView(t.id(), t.name(), t.leads(), t.members());
        }
    }

    @GetMapping
    @Operation(summary = "List teams by name, as {items, page, size, total}")
    Page<TeamView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return repository.page(PageRequest.of(page, size)).map(TeamView::of);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a team (admins)", description = "409 when a team has that name already (any case).")
    ResponseEntity<TeamView> create(@AuthenticationPrincipal AftercareUser me, @RequestBody TeamInput body) {
        TeamRef team = teams.create(body, me.personId());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamView.of(team));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team")
    TeamView get(@PathVariable UUID id) {
        return TeamView.of(teams.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a team's name, leads and members (admins)")
    TeamView update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @RequestBody TeamInput body) {
        return TeamView.of(teams.update(id, body, me.personId()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a team and its rotations (admins); its people stay in the directory")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        teams.delete(id, me.personId());
        return ResponseEntity.noContent().build();
    }
}
