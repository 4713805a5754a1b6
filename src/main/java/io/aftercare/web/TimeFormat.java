package io.aftercare.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Formats instants for pages ({@code ${@time.format(x)}}) in the viewer's own time zone, named as people say it
 * (CET rather than Europe/Berlin). The directory puts that zone in the request attribute {@link #ZONE_ATTRIBUTE};
 * without it, UTC.
 */
@Component("time")
public class TimeFormat {

    public static final String ZONE_ATTRIBUTE = "aftercare.viewerZone";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** The zone as people say it (CET or EDT), or its offset from GMT where it has no short name. */
    private static final DateTimeFormatter SHORT_ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    public ZoneId zone() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null
            && attributes.getAttribute(ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
            return zone;
        }
        return ZoneOffset.UTC;
    }

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = zone();
        return FORMAT.format(instant.atZone(zone)) + " "
            + (zone.equals(ZoneOffset.UTC) ? "UTC" : SHORT_ZONE.format(instant.atZone(zone)));
    }

    /** For {@code <input type="datetime-local">}: the instant in the viewer's zone, to the minute. */
    public String inputValue(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(zone()));
    }
}
