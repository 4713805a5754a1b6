package io.aftercare.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.aftercare.identity.Role;

/**
 * What it takes to add a person. Unset optional values take the defaults: time zone UTC, quiet hours 21:00–08:00,
 * weekend Saturday and Sunday, role RESPONDER.
 *
 * @param password an initial password (automation), or {@code null} to invite the person later
 */
public record NewPerson(String name, String email, String timeZone, LocalTime quietStart, LocalTime quietEnd,
                        Set<DayOfWeek> weekendDays, Map<String, String> externalIdentities, UUID managerId,
                        Set<Role> roles, List<UUID> teams, String password) {

    public static NewPerson of(String name, String email, String timeZone, Set<Role> roles, String password) {
        return new NewPerson(name, email, timeZone, null, null, null, Map.of(), null, roles, List.of(), password);
    }
}
