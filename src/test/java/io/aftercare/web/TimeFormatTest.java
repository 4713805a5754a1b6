package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Times on pages: in the viewer's zone, which is named as people say it. */
class TimeFormatTest {

    private final TimeFormat time = new TimeFormat();

    private void viewerIn(String zone) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(TimeFormat.ZONE_ATTRIBUTE, ZoneId.of(zone));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void namesTheViewersZoneTheWayPeopleSayIt() {
        viewerIn("Europe/Berlin");
        assertThat(time.format(Instant.parse("2026-12-05T16:48:00Z"))).isEqualTo("5 Dec 2026, 17:48 CET");
        assertThat(time.format(Instant.parse("2026-07-05T16:48:00Z"))).isEqualTo("5 Jul 2026, 18:48 CEST");
        viewerIn("America/New_York");
        assertThat(time.format(Instant.parse("2026-12-05T16:48:00Z"))).isEqualTo("5 Dec 2026, 11:48 EST");
    }

    @Test
    void aZoneWithoutAShortNameIsGivenByItsOffset() {
        viewerIn("Etc/GMT-3");
        assertThat(time.format(Instant.parse("2026-12-05T16:48:00Z"))).isEqualTo("5 Dec 2026, 19:48 GMT+03:00");
    }

    @Test
    void withoutAViewerTimesAreInUtc() {
        assertThat(time.format(Instant.parse("2026-12-05T16:48:00Z"))).isEqualTo("5 Dec 2026, 16:48 UTC");
        assertThat(time.format(null)).isEmpty();
    }
}
