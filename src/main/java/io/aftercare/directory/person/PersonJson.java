package io.aftercare.directory.person;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;

/** The API's JSON shapes of a person, and how they turn into directory values (collecting every invalid field). */
final class PersonJson {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private PersonJson() {
    }

    @Schema(description = "Local times, 24-hour HH:mm; may wrap past midnight (start 21:00, end 08:00)")
    record QuietHours(@Schema(example = "21:00") String start, @Schema(example = "08:00") String end) {
    }

    @Schema(name = "Person")
    record PersonView(UUID id, String name, String email,
                      @Schema(example = "Europe/Berlin") String timeZone,
                      QuietHours quietHours,
                      @Schema(example = "[\"SATURDAY\", \"SUNDAY\"]") List<String> weekendDays,
                      @Schema(example = "{\"pagerduty\": \"PABC123\", \"slack\": \"U012AB3CD\"}")
                      Map<String, String> externalIdentities,
                      UUID managerId,
                      @Schema(example = "[\"RESPONDER\"]") List<String> roles,
                      List<UUID> teams) {

        static PersonView of(PersonService.PersonDetails d) {
            PersonRef p = d.person();
            return new PersonView(p.id(), p.name(), p.email(), p.timeZone().getId(),
                new QuietHours(HH_MM.format(p.quietStart()), HH_MM.format(p.quietEnd())),
                p.weekendDays().stream().sorted().map(DayOfWeek::name).toList(),
                new TreeMap<>(p.externalIdentities()), p.managerId(),
                d.roles().stream().sorted().map(Role::name).toList(), d.teams());
        }
    }

    @Schema(name = "PersonInput", description = "A person. Only name and email are required; quiet hours default to "
        + "21:00-08:00, weekend days to SATURDAY and SUNDAY, time zone to UTC, roles to RESPONDER.")
    record PersonInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                       @Schema(description = "IANA time zone", example = "Europe/Berlin") String timeZone,
                       QuietHours quietHours,
                       @Schema(example = "[\"SATURDAY\", \"SUNDAY\"]") List<String> weekendDays,
                       @Schema(description = "provider (pagerduty, opsgenie, slack, incidentio or any lower-case "
                           + "name) to that tool's id for the person") Map<String, String> externalIdentities,
                       UUID managerId,
                       @Schema(description = "create only; RESPONDER is always included",
                           example = "[\"RESPONDER\", \"LEAD\"]") List<String> roles,
                       @Schema(description = "team ids") List<UUID> teams,
                       @Schema(description = "create only: an initial password (at least 12 characters, at most 72 bytes in UTF-8); leave it "
                           + "out to send an invitation link instead") String password) {

        NewPerson toNewPerson(List<FieldError> errors) {
            LocalTime start = quietHours == null ? null : PersonJson.time("quietHours.start", quietHours.start(), errors);
            LocalTime end = quietHours == null ? null : PersonJson.time("quietHours.end", quietHours.end(), errors);
            return new NewPerson(name, email, timeZone, start, end,
                weekendDays == null ? null : PersonJson.days(weekendDays, errors), externalIdentities, managerId,
                roles == null ? null : PersonJson.roles(roles, errors), teams, password);
        }
    }

    @Schema(name = "Roles")
    record RolesInput(@Schema(example = "[\"RESPONDER\", \"ADMIN\"]") List<String> roles) {
    }

    record Invitation(@Schema(description = "one-time link; shown only in this response") String link) {
    }

    static LocalTime time(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "is not a time like 21:00"));
            return null;
        }
    }

    static Set<DayOfWeek> days(Collection<String> values, List<FieldError> errors) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String value : values) {
            try {
                days.add(DayOfWeek.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("weekendDays", "must be days of the week like SATURDAY"));
                break;
            }
        }
        return days;
    }

    static Set<Role> roles(Collection<String> values, List<FieldError> errors) {
        Set<Role> roles = EnumSet.of(Role.RESPONDER);
        for (String value : values) {
            var role = Role.parse(value);
            if (role.isEmpty()) {
                errors.add(new FieldError("roles", "must be among " + List.of(Role.values())));
                break;
            }
            roles.add(role.get());
        }
        return roles;
    }

    static List<FieldError> errors() {
        return new ArrayList<>();
    }
}
