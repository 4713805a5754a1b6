package io.aftercare.peersupport.requests;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.support.*} for tier 2.
 *
 * @param acknowledgeWithin working time (in the supporter's zone and working hours) to acknowledge a request before
 *                          it moves to the next supporter
 * @param contactWithin     after acknowledging, the time the supporter is asked to make contact in; when it passes
 *                          without contact made, coordinators are told and the supporter is reminded
 * @param workStart         a new supporter's working hours start (they can change it)
 * @param workEnd           a new supporter's working hours end
 * @param weeklyCapacity    a new supporter's weekly capacity (requests in seven days)
 * @param waitingNoticeAt   the time of day (UTC) coordinators are told, once, that requests started waiting with no
 *                          eligible supporter since the day before; a fixed time, so that the notice does not tell
 *                          when anyone asked
 */
@ConfigurationProperties("aftercare.support")
record RequestProperties(@DefaultValue("1h") Duration acknowledgeWithin, @DefaultValue("24h") Duration contactWithin,
                         @DefaultValue("09:00") LocalTime workStart, @DefaultValue("17:00") LocalTime workEnd,
                         @DefaultValue("3") int weeklyCapacity,
                         @DefaultValue("09:00") LocalTime waitingNoticeAt) {
}
