package io.aftercare.directory.setup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time zones offered in pick lists: UTC, then the IANA zones by their current names (Europe/Kyiv,
 * Asia/Kolkata), then the older names the same places still answer to (Europe/Kiev, Asia/Calcutta, US/Eastern).
 * The older names stay on offer because browsers and imported files still use them.
 */
public final class TimeZones {

    /** The areas IANA names current zones after; a name outside them (US/, Canada/, Brazil/ …) is an older one. */
    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia",
        "Europe", "Indian", "Pacific");

    /** Older names inside those areas, kept by the tz database as links to the current ones. */
    private static final Set<String> OLDER_NAMES = Set.of("Africa/Asmera", "Africa/Timbuktu",
        "America/Argentina/ComodRivadavia", "America/Atka", "America/Buenos_Aires", "America/Catamarca",
        "America/Coral_Harbour", "America/Cordoba", "America/Ensenada", "America/Fort_Wayne", "America/Godthab",
        "America/Indianapolis", "America/Jujuy", "America/Knox_IN", "America/Louisville", "America/Mendoza",
        "America/Montreal", "America/Nipigon", "America/Pangnirtung", "America/Porto_Acre", "America/Rainy_River",
        "America/Rosario", "America/Santa_Isabel", "America/Shiprock", "America/Thunder_Bay", "America/Virgin",
        "America/Yellowknife", "Antarctica/South_Pole", "Asia/Ashkhabad", "Asia/Calcutta", "Asia/Chongqing",
        "Asia/Chungking", "Asia/Dacca", "Asia/Harbin", "Asia/Istanbul", "Asia/Kashgar", "Asia/Katmandu",
        "Asia/Macao", "Asia/Rangoon", "Asia/Saigon", "Asia/Tel_Aviv", "Asia/Thimbu", "Asia/Ujung_Pandang",
        "Asia/Ulan_Bator", "Atlantic/Faeroe", "Atlantic/Jan_Mayen", "Australia/ACT", "Australia/Canberra",
        "Australia/Currie", "Australia/LHI", "Australia/NSW", "Australia/North", "Australia/Queensland",
        "Australia/South", "Australia/Tasmania", "Australia/Victoria", "Australia/West", "Australia/Yancowinna",
        "Europe/Belfast", "Europe/Kiev", "Europe/Nicosia", "Europe/Tiraspol", "Europe/Uzhgorod",
        "Europe/Zaporozhye", "Pacific/Enderbury", "Pacific/Johnston", "Pacific/Ponape", "Pacific/Samoa",
        "Pacific/Truk", "Pacific/Yap");

    /** The current names, sorted. */
    public static final List<String> CURRENT;

    /** The older names, sorted. */
    public static final List<String> OLDER;

    /** UTC, the current names, then the older ones: every zone a person may choose. */
    public static final List<String> ALL;

    static {
        List<String> current = new ArrayList<>();
        List<String> older = new ArrayList<>();
        for (String zone : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (!zone.contains("/") || zone.startsWith("Etc/") || zone.startsWith("SystemV/")) {
                continue;
            }
            boolean isCurrent = AREAS.contains(zone.substring(0, zone.indexOf('/'))) && !OLDER_NAMES.contains(zone);
            (isCurrent ? current : older).add(zone);
        }
        CURRENT = List.copyOf(current);
        OLDER = List.copyOf(older);
        List<String> all = new ArrayList<>();
        all.add("UTC");
        all.addAll(CURRENT);
        all.addAll(OLDER);
        ALL = List.copyOf(all);
    }

    private TimeZones() {
    }
}
