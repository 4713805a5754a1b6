package io.aftercare.peersupport.requests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.identity.Accounts;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;

/**
 * The supporter roster (people with the SUPPORTER role who have supporter settings: capacity, languages, working
 * hours, "taking a break") and the programme's settings (pairing exclusions, offer threshold).
 */
@Component
class Roster {

    public record Supporter(UUID personId, int weeklyCapacity, List<String> languages, LocalTime workStart,
                     LocalTime workEnd, boolean onBreak) {
        public String languagesText() {
            return String.join(", ", languages);
        }

        /** As a coordinator reads them: each language by its name, where a code was typed. */
        public String languageNames() {
            return io.aftercare.peersupport.resources.PlaceNames.languages(languages);
        }
    }

    /**
     * The coordinator's programme settings.
     *
     * @param offerMinStress      stress at or above this (1–5) …
     * @param offerNeedsSleep     … together with sleeping difficulties (when on) makes an offer
     * @param offerMinRumination  or a day-1 rumination mean at or above this (1–5)
     */
    public record Settings(boolean excludeSameTeam, boolean excludeSameLine, int offerMinStress, boolean offerNeedsSleep,
                    double offerMinRumination) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final RequestProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    Roster(JdbcClient jdbc, Accounts accounts, RequestProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Everyone on the roster who still has the SUPPORTER role. */
    List<Supporter> supporters() {
        List<Supporter> all = jdbc.sql("SELECT * FROM support_supporter").query((rs, n) -> supporter(rs)).list();
        var roles = accounts.rolesOf(all.stream().map(Supporter::personId).toList());
        return all.stream().filter(s -> roles.getOrDefault(s.personId(), java.util.Set.of()).contains(Role.SUPPORTER))
            .toList();
    }

    /** A supporter's settings; someone with the role who never saved any gets the defaults (and joins the roster). */
    Supporter of(UUID personId) {
        return find(personId).orElseGet(() -> {
            Supporter fresh = new Supporter(personId, properties.weeklyCapacity(), List.of(), properties.workStart(),
                properties.workEnd(), false);
            save(fresh);
            return fresh;
        });
    }

    Optional<Supporter> find(UUID personId) {
        return jdbc.sql("SELECT * FROM support_supporter WHERE person_id = ?").param(personId)
            .query((rs, n) -> supporter(rs)).optional();
    }

    void save(Supporter s) {
        String languages = String.join(",", s.languages());
        int changed = jdbc.sql("""
                UPDATE support_supporter SET weekly_capacity = ?, languages = ?, work_start = ?, work_end = ?,
                                             on_break = ?, updated_at = ? WHERE person_id = ?""")
            .params(s.weeklyCapacity(), languages, s.workStart(), s.workEnd(), s.onBreak(),
                DbTime.toDb(clock.instant()), s.personId()).update();
        if (changed == 0) {
            jdbc.sql("""
                    INSERT INTO support_supporter (person_id, weekly_capacity, languages, work_start, work_end,
                                                   on_break, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.personId(), s.weeklyCapacity(), languages, s.workStart(), s.workEnd(), s.onBreak(),
                    DbTime.toDb(clock.instant())).update();
        }
    }

    boolean isSupporter(UUID personId) {
        return accounts.rolesOf(personId).contains(Role.SUPPORTER);
    }

    Settings settings() {
        return jdbc.sql("""
                SELECT exclude_same_team, exclude_same_line, offer_min_stress, offer_needs_sleep, offer_min_rumination
                FROM support_settings WHERE id = 1""")
            .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
                rs.getBigDecimal(5).doubleValue())).single();
    }

    void save(Settings s, UUID by) {
        jdbc.sql("""
                UPDATE support_settings SET exclude_same_team = ?, exclude_same_line = ?, offer_min_stress = ?,
                       offer_needs_sleep = ?, offer_min_rumination = ?, updated_at = ?, updated_by = ? WHERE id = 1""")
            .params(s.excludeSameTeam(), s.excludeSameLine(), s.offerMinStress(), s.offerNeedsSleep(),
                BigDecimal.valueOf(s.offerMinRumination()), DbTime.toDb(clock.instant()), by).update();
        audit.record(by, "support.settings.changed", "support_settings", s.toString());
    }

    private static Supporter supporter(java.sql.ResultSet rs) throws java.sql.SQLException {
        String languages = rs.getString("languages");
        return new Supporter(rs.getObject("person_id", UUID.class), rs.getInt("weekly_capacity"),
            languages == null || languages.isBlank() ? List.of()
                : Arrays.stream(languages.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
            rs.getObject("work_start", LocalTime.class), rs.getObject("work_end", LocalTime.class),
            rs.getBoolean("on_break"));
    }
}
