package io.aftercare.incidents.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.internal.IncidentQuery;
import io.aftercare.incidents.internal.IncidentService;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.web.TimeFormat;

/**
 * The incident list with its filter (team, status, dates) and pages. A filter value that cannot be read is left out,
 * except a date, which says so next to its field.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IncidentListController {

    static final String LIST = "incidents/list";
    static final int PAGE_SIZE = 25;

    private final IncidentService incidents;
    private final DirectoryLists lists;
    private final TimeFormat time;

    IncidentListController(IncidentService incidents, DirectoryLists lists, TimeFormat time) {
        this.incidents = incidents;
        this.lists = lists;
        this.time = time;
    }

    /** The list's filter as it came in the address; see {@link IncidentListController} for what is read how. */
    record ListFilter(String team, String status, String from, String to, String page) {

        ListFilter {
            from = from == null ? "" : from.trim();
            to = to == null ? "" : to.trim();
        }

        UUID teamId() {
            return FormValues.uuid(team).orElse(null);
        }

        IncidentStatus state() {
            if (FormValues.blank(status)) {
                return null;
            }
            try {
                return IncidentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        int pageNumber() {
            try {
                return FormValues.blank(page) ? 0 : Math.max(0, Math.min(Integer.parseInt(page.trim()), 1_000_000));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** Each date that was typed but cannot be read, with its message key. */
        Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (!from.isEmpty() && FormValues.date(from).isEmpty()) {
                errors.put("from", "incidents.error.date");
            }
            if (!to.isEmpty() && FormValues.date(to).isEmpty()) {
                errors.put("to", "incidents.error.date");
            }
            return errors;
        }

        /** From the start of the first day, in the viewer's zone. */
        Instant start(ZoneId zone) {
            return FormValues.date(from).map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
        }

        /** Up to the end of the last day, in the viewer's zone. */
        Instant end(ZoneId zone) {
            return FormValues.date(to).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null);
        }

        /** The address of another page of the same filter. */
        String pageUrl(int page) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/incidents");
            if (teamId() != null) {
                url.queryParam("team", teamId());
            }
            if (state() != null) {
                url.queryParam("status", state().name());
            }
            if (!from.isEmpty()) {
                url.queryParam("from", from);
            }
            if (!to.isEmpty()) {
                url.queryParam("to", to);
            }
            return url.queryParam("page", page).encode().build().toUriString();
        }
    }

    @ModelAttribute("statuses")
    IncidentStatus[] statuses() {
        return IncidentStatus.values();
    }

    @GetMapping("/incidents")
    String list(@ModelAttribute ListFilter filter, Model model) {
        ZoneId zone = time.zone();
        UUID teamId = filter.teamId();
        IncidentStatus state = filter.state();
        Instant start = filter.start(zone);
        Instant end = filter.end(zone);
        int pageNumber = filter.pageNumber();

        Page<IncidentView> result = incidents.list(new IncidentQuery(teamId, state, start, end),
            new PageRequest(pageNumber, PAGE_SIZE));
        List<DirectoryLists.Option> teams = lists.teams();
        Map<UUID, String> teamNames = new LinkedHashMap<>();
        teams.forEach(t -> teamNames.put(t.id(), t.label()));

        model.addAttribute("incidents", result);
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", teamNames);
        model.addAttribute("filter", Map.of("team", teamId == null ? "" : teamId.toString(),
            "status", state == null ? "" : state.name(), "from", filter.from(), "to", filter.to()));
        model.addAttribute("filtered", teamId != null || state != null || start != null || end != null);
        model.addAttribute("errors", filter.errors());
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", pageNumber > 0 ? filter.pageUrl(pageNumber - 1) : null);
        model.addAttribute("nextUrl", pageNumber + 1 < pages ? filter.pageUrl(pageNumber + 1) : null);
        return LIST;
    }
}
