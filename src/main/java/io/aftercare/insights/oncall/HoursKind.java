package io.aftercare.insights.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * When an interruption reached a person, in their own time zone, as PagerDuty's operational reviews divide the week:
 * business hours 08–18 Monday to Friday, off hours 18–22 on weekdays and all weekend outside sleep hours, sleep hours
 * 22–08 every day.
 */
enum HoursKind {
    BUSINESS, OFF, SLEEP;

    static HoursKind at(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        int hour = local.getHour();
        if (hour >= 22 || hour < 8) {
            return SLEEP;
        }
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || hour >= 18) {
            return OFF;
        }
        return BUSINESS;
    }
}
