package io.aftercare.notify.preferences;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.PersonRef;
import io.aftercare.directory.QuietHours;
import io.aftercare.notify.outbox.Channel;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * A person's choices about messages. The directory holds quiet hours and weekend days but offers no way for a
 * person to change their own, so notify keeps overrides of them here, used only for messages.
 */
@Service
public class Preferences {

    /**
     * What applies to a person now.
     *
     * @param channels     outward channels in order of preference (the first that reaches them is used); the
     *                     in-app inbox always gets every message
     * @param chosen       whether the person saved preferences (false: the defaults)
     */
    public record Effective(List<String> channels, LocalTime quietStart, LocalTime quietEnd,
                            Set<DayOfWeek> weekendDays, LocalDate pausedUntil, boolean chosen) {

        /** These quiet hours and weekend days in the person's time zone. */
        public QuietHours quietHours(ZoneId zone) {
            return new QuietHours(zone, quietStart, quietEnd, weekendDays);
        }
    }

    /** What a person may set; null quiet hours or weekend days mean: as in the directory. */
    public record Update(List<String> channels, LocalTime quietStart, LocalTime quietEnd, Set<DayOfWeek> weekendDays,
                         LocalDate pausedUntil) {
    }

    private record Row(String channels, LocalTime quietStart, LocalTime quietEnd, String weekendDays,
                       LocalDate pausedUntil) {
    }

    private final JdbcClient jdbc;
    private final List<Channel> channels;

    Preferences(JdbcClient jdbc, List<Channel> channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /** The names of the outward channels that are configured here: EMAIL, SLACK. */
    public List<String> configuredChannels() {
        return channels.stream().filter(Channel::configured).map(Channel::name).toList();
    }

    /** What applies to the person now: their saved choices, or the defaults (every channel that reaches them). */
    public Effective effective(PersonRef person) {
        Optional<Row> row = jdbc.sql("""
                SELECT channels, quiet_start, quiet_end, weekend_days, paused_until FROM notify_preference
                WHERE person_id = ?""")
            .param(person.id())
            .query((rs, n) -> new Row(rs.getString("channels"), rs.getObject("quiet_start", LocalTime.class),
                rs.getObject("quiet_end", LocalTime.class), rs.getString("weekend_days"),
                rs.getObject("paused_until", LocalDate.class)))
            .optional();
        if (row.isEmpty()) {
            List<String> defaults = channels.stream().filter(c -> c.reaches(person)).map(Channel::name).toList();
            return new Effective(defaults, person.quietStart(), person.quietEnd(), person.weekendDays(), null, false);
        }
        Row r = row.get();
        List<String> chosen = r.channels().isBlank() ? List.of() : Arrays.asList(r.channels().split(","));
        return new Effective(chosen, r.quietStart() != null ? r.quietStart() : person.quietStart(),
            r.quietEnd() != null ? r.quietEnd() : person.quietEnd(),
            r.weekendDays() != null ? days(r.weekendDays()) : person.weekendDays(), r.pausedUntil(), true);
    }

    /** The outward channel a message goes by: the first chosen one that reaches the person, if any. */
    public Optional<Channel> channelFor(PersonRef person) {
        for (String name : effective(person).channels()) {
            Optional<Channel> found = channels.stream().filter(c -> c.name().equals(name) && c.reaches(person))
                .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Saves the person's choices (all of them at once); 400 naming the invalid fields. */
    @Transactional
    public Effective save(PersonRef person, Update update) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = channels.stream().map(Channel::name).collect(Collectors.toSet());
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String c : update.channels() == null ? List.<String>of() : update.channels()) {
            String name = String.valueOf(c).trim().toUpperCase(java.util.Locale.ROOT);
            if (name.equals("INBOX") || name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                errors.add(new FieldError("channels", "unknown channel " + c + " (known: " + known + ")"));
            } else {
                chosen.add(name);
            }
        }
        if ((update.quietStart() == null) != (update.quietEnd() == null)) {
            errors.add(new FieldError("quietStart", "give both quietStart and quietEnd, or neither"));
        }
        if (update.weekendDays() != null && update.weekendDays().size() >= 7) {
            errors.add(new FieldError("weekendDays", "leave at least one day for messages"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        jdbc.sql("DELETE FROM notify_preference WHERE person_id = ?").param(person.id()).update();
        jdbc.sql("""
                INSERT INTO notify_preference (person_id, channels, quiet_start, quiet_end, weekend_days, paused_until,
                                               updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(person.id(), String.join(",", chosen), update.quietStart(), update.quietEnd(),
                update.weekendDays() == null ? null
                    : update.weekendDays().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                update.pausedUntil(), DbTime.toDb(Instant.now()))
            .update();
        return effective(person);
    }

    static Set<DayOfWeek> days(String csv) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : csv.split(",")) {
            if (!d.isBlank()) {
                days.add(DayOfWeek.valueOf(d.trim()));
            }
        }
        return days;
    }

}
