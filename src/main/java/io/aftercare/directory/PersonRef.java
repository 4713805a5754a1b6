package io.aftercare.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A person as other modules see them.
 *
 * @param quietStart         start of their quiet hours, local time
 * @param quietEnd           end of their quiet hours, local time (may be before the start: overnight)
 * @param externalIdentities provider ({@code pagerduty}, {@code opsgenie}, {@code slack}, {@code incidentio}, …) to id
 */
public record PersonRef(UUID id, String name, String email, ZoneId timeZone, LocalTime quietStart, LocalTime quietEnd,
                        Set<DayOfWeek> weekendDays, UUID managerId, Map<String, String> externalIdentities) {

    /** Their quiet hours and weekend days in their time zone: when nothing may reach them. */
    public QuietHours quietHours() {
        return new QuietHours(timeZone, quietStart, quietEnd, weekendDays);
    }
}
