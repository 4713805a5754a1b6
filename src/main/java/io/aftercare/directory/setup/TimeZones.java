package io.aftercare.directory.setup;

import java.util.ArrayList;
import java.util.List;

/** The time zones offered in pick lists: UTC first, then the IANA region zones by name. */
public final class TimeZones {

    public static final List<String> ALL;

    static {
        List<String> zones = new ArrayList<>();
        zones.add("UTC");
        zones.addAll(SetupController.ZONES);
        ALL = List.copyOf(zones);
    }

    private TimeZones() {
    }
}
