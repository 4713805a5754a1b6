package io.aftercare.peersupport.nudges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** "today's", "last night's", "yesterday's" or "a recent": when something happened, in the reader's own words. */
final class WhenPhrases {

    private WhenPhrases() {
    }

    /** A message key suffix: {@code today}, {@code lastNight}, {@code yesterday} or {@code recent}. */
    static String of(Instant when, Instant now, ZoneId zone) {
        ZonedDateTime at = when.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        int hour = at.getHour();
        boolean night = hour >= 20 || hour < 6;
        if (at.toLocalDate().equals(today)) {
            return night && hour < 6 ? "lastNight" : "today";
        }
        if (at.toLocalDate().equals(today.minusDays(1))) {
            return night && hour >= 20 ? "lastNight" : "yesterday";
        }
        return "recent";
    }
}
