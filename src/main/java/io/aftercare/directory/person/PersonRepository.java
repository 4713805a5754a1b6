package io.aftercare.directory.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.directory.PersonName;
import io.aftercare.directory.PersonRef;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;

/** SQL for people and their external identities. */
@Repository
public class PersonRepository {

    static final String COLUMNS = "id, name, email, time_zone, quiet_start, quiet_end, weekend_days, manager_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public static String weekendColumn(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> weekendDays(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(DayOfWeek.class);
        }
        return Arrays.stream(column.split(",")).map(String::trim).map(DayOfWeek::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public void insert(UUID id, String name, String email, ZoneId zone, LocalTime quietStart, LocalTime quietEnd,
                       Set<DayOfWeek> weekend, UUID managerId) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO person (id, name, email, email_normalized, time_zone, quiet_start, quiet_end, weekend_days,
                                    manager_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, name.trim(), email.trim(), PersonRules.normalizeEmail(email), zone.getId(), quietStart,
                quietEnd, weekendColumn(weekend), managerId, now, now)
            .update();
    }

    public void update(UUID id, String name, String email, ZoneId zone, LocalTime quietStart, LocalTime quietEnd,
                       Set<DayOfWeek> weekend, UUID managerId) {
        jdbc.sql("""
                UPDATE person SET name = ?, email = ?, email_normalized = ?, time_zone = ?, quiet_start = ?,
                                  quiet_end = ?, weekend_days = ?, manager_id = ?, updated_at = ?
                WHERE id = ?""")
            .params(name.trim(), email.trim(), PersonRules.normalizeEmail(email), zone.getId(), quietStart, quietEnd,
                weekendColumn(weekend), managerId, now(), id)
            .update();
    }

    public void setManager(UUID id, UUID managerId) {
        jdbc.sql("UPDATE person SET manager_id = ?, updated_at = ? WHERE id = ?").params(managerId, now(), id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM person WHERE id = ?").param(id).update();
    }

    /** People whose name or e-mail contains {@code q}, ignoring case; everyone when {@code q} is blank. */
    public Page<PersonRef> search(String q, PageRequest request) {
        if (q == null || q.isBlank()) {
            return new Page<>(findPage("1 = 1", "LOWER(name), id", request.size(), request.offset()),
                request.page(), request.size(), count("1 = 1"));
        }
        String like = "%" + q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%";
        String where = "(LOWER(name) LIKE ? ESCAPE '\\' OR email_normalized LIKE ? ESCAPE '\\')";
        return new Page<>(findPage(where, "LOWER(name), id", request.size(), request.offset(), like, like),
            request.page(), request.size(), count(where, like, like));
    }

    /** The person's time zone, if they are in the directory. */
    public Optional<ZoneId> zoneOf(UUID id) {
        return jdbc.sql("SELECT time_zone FROM person WHERE id = ?").param(id).query(String.class).optional()
            .map(ZoneId::of);
    }

    public void replaceIdentities(UUID personId, Map<String, String> identities) {
        jdbc.sql("DELETE FROM person_identity WHERE person_id = ?").param(personId).update();
        if (identities == null) {
            return;
        }
        identities.forEach((provider, externalId) -> {
            if (externalId != null && !externalId.isBlank()) {
                jdbc.sql("INSERT INTO person_identity (person_id, provider, external_id) VALUES (?, ?, ?)")
                    .params(personId, provider, externalId.trim()).update();
            }
        });
    }

    public boolean emailTaken(String email, UUID except) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM person WHERE email_normalized = ? AND (CAST(? AS UUID) IS NULL OR id <> ?)""")
            .params(PersonRules.normalizeEmail(email), except, except).query(Long.class).single() > 0;
    }

    /** The external identities (provider → id) already held by someone else. */
    public Map<String, String> identitiesTaken(Map<String, String> identities, UUID except) {
        Map<String, String> taken = new TreeMap<>();
        if (identities == null) {
            return taken;
        }
        identities.forEach((provider, externalId) -> {
            if (externalId != null && !externalId.isBlank()) {
                boolean used = jdbc.sql("""
                        SELECT COUNT(*) FROM person_identity
                        WHERE provider = ? AND external_id = ? AND (CAST(? AS UUID) IS NULL OR person_id <> ?)""")
                    .params(provider, externalId.trim(), except, except).query(Long.class).single() > 0;
                if (used) {
                    taken.put(provider, externalId.trim());
                }
            }
        });
        return taken;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public Optional<PersonRef> find(UUID id) {
        return findWhere("id = ?", id).stream().findFirst();
    }

    public Optional<PersonRef> findByEmail(String email) {
        return findWhere("email_normalized = ?", PersonRules.normalizeEmail(email)).stream().findFirst();
    }

    public Optional<PersonRef> findByIdentity(String provider, String externalId) {
        return findWhere("id IN (SELECT person_id FROM person_identity WHERE provider = ? AND external_id = ?)",
            provider, externalId).stream().findFirst();
    }

    /** Only the id: one indexed read, for callers that match many events to people (intake). */
    public Optional<UUID> idByIdentity(String provider, String externalId) {
        return jdbc.sql("SELECT person_id FROM person_identity WHERE provider = ? AND external_id = ?")
            .params(provider, externalId).query(UUID.class).optional();
    }

    /** Only the id, by e-mail (case-insensitive). */
    public Optional<UUID> idByEmail(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email_normalized = ?").param(PersonRules.normalizeEmail(email))
            .query(UUID.class).optional();
    }

    public List<PersonName> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, email FROM person WHERE id IN (:ids)").param("ids", List.copyOf(ids))
            .query((rs, n) -> new PersonName(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("email")))
            .list();
    }

    /** Names and e-mails of everyone, by name then e-mail, at most {@code limit}. */
    public List<PersonName> everyone(int limit) {
        return jdbc.sql("SELECT id, name, email FROM person ORDER BY name, email LIMIT ?").param(Math.max(0, limit))
            .query((rs, n) -> new PersonName(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("email")))
            .list();
    }

    public List<PersonRef> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        return findWhere("id IN (" + in + ")", ids.toArray());
    }

    public List<PersonRef> findWhere(String where, Object... params) {
        return findPage(where, "name, id", -1, 0, params);
    }

    /** People matching a condition, with their identities, in order; {@code limit < 0} for all. */
    public List<PersonRef> findPage(String where, String orderBy, int limit, long offset, Object... params) {
        String sql = "SELECT " + COLUMNS + " FROM person WHERE " + where + " ORDER BY " + orderBy
            + (limit >= 0 ? " LIMIT " + limit + " OFFSET " + offset : "");
        List<PersonRef> people = jdbc.sql(sql).params(Arrays.asList(params)).query(PersonRepository::map).list();
        if (people.isEmpty()) {
            return people;
        }
        Map<UUID, Map<String, String>> identities = identitiesOf(people.stream().map(PersonRef::id).toList());
        return people.stream().map(p -> new PersonRef(p.id(), p.name(), p.email(), p.timeZone(), p.quietStart(),
            p.quietEnd(), p.weekendDays(), p.managerId(), identities.getOrDefault(p.id(), Map.of()))).toList();
    }

    /** Each person's time zone, a thousand people a statement. */
    public Map<UUID, ZoneId> timeZones(Collection<UUID> ids) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            jdbc.sql("SELECT id, time_zone FROM person WHERE id IN (:ids)").param("ids", chunk)
                .query((ResultSet rs) -> {
                    zones.put(rs.getObject("id", UUID.class), ZoneId.of(rs.getString("time_zone")));
                });
        }
        return zones;
    }

    public long count(String where, Object... params) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE " + where).params(Arrays.asList(params))
            .query(Long.class).single();
    }

    private Map<UUID, Map<String, String>> identitiesOf(List<UUID> ids) {
        Map<UUID, Map<String, String>> result = new HashMap<>();
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT person_id, provider, external_id FROM person_identity WHERE person_id IN (" + in + ")")
            .params(List.copyOf(ids))
            .query((rs, n) -> result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                .put(rs.getString(2), rs.getString(3)))
            .list();
        return result;
    }

    private static PersonRef map(ResultSet rs, int n) throws SQLException {
        return new PersonRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
            ZoneId.of(rs.getString("time_zone")), rs.getObject("quiet_start", LocalTime.class),
            rs.getObject("quiet_end", LocalTime.class), weekendDays(rs.getString("weekend_days")),
            rs.getObject("manager_id", UUID.class), Map.of());
    }
}
