package io.aftercare.care.cases;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.care.*}: when check-ins, reminders and follow-ups fall due.
 *
 * @param checkInDelay  after an incident resolves, before its check-in (then moved out of quiet hours)
 * @param reminderDelay after a prompt becomes due, before its one reminder
 * @param followUpDays  days after the incident for each follow-up
 * @param linkValidFor  how long a signed answer link works
 * @param mergeWindow   incidents resolved within this time of an open case's last one join that case
 */
@ConfigurationProperties("aftercare.care")
record CareProperties(@DefaultValue("2h") Duration checkInDelay, @DefaultValue("24h") Duration reminderDelay,
                      @DefaultValue({"1", "7", "30"}) List<Integer> followUpDays,
                      @DefaultValue("7d") Duration linkValidFor, @DefaultValue("24h") Duration mergeWindow) {

    CareProperties {
        followUpDays = followUpDays.stream().filter(d -> d != null && d > 0).distinct().sorted().toList();
    }

    int lastFollowUpDay() {
        return followUpDays.isEmpty() ? 0 : followUpDays.get(followUpDays.size() - 1);
    }
}
