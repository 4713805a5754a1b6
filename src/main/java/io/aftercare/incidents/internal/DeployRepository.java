package io.aftercare.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.incidents.Deploys;
import io.aftercare.incidents.NewDeploy;
import io.aftercare.incidents.RespondedIncident;
import io.aftercare.incidents.ResponderRecord;
import io.aftercare.incidents.WebLink;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** Deploys as CI reports them, and a person's own responder record: plain reads and one insert. */
@Repository
class DeployRepository implements Deploys, ResponderRecord {

    static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    DeployRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean record(NewDeploy deploy) {
        List<FieldError> errors = new ArrayList<>();
        if (deploy.externalId() == null || deploy.externalId().isBlank()) {
            errors.add(new FieldError("id", "is required"));
        } else if (deploy.externalId().length() > MAX_TEXT) {
            errors.add(new FieldError("id", "must be at most " + MAX_TEXT + " characters"));
        }
        if (deploy.service() == null || deploy.service().isBlank()) {
            errors.add(new FieldError("service", "is required"));
        } else if (deploy.service().length() > MAX_TEXT) {
            errors.add(new FieldError("service", "must be at most " + MAX_TEXT + " characters"));
        }
        if (deploy.url() != null && !WebLink.isValid(deploy.url())) {
            errors.add(new FieldError("url", "must be an http or https link of at most " + WebLink.MAX_LENGTH
                + " characters"));
        }
        Instant now = clock.instant();
        if (deploy.at() != null && deploy.at().isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError("at", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String id = deploy.externalId().strip();
        Integer known = jdbc.sql("SELECT COUNT(*) FROM deploy_event WHERE external_id = ?").param(id)
            .query(Integer.class).single();
        if (known > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO deploy_event (id, external_id, service, service_key, team_id, url, deployed_at,
                                          received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(UUID.randomUUID(), id, deploy.service().strip(), serviceKey(deploy.service()),
                deploy.teamId(), deploy.url(), DbTime.toDb(deploy.at() == null ? now : deploy.at()),
                DbTime.toDb(now))
            .update();
        return true;
    }

    /**
     * Deploys of the teams or of the services (case aside) from {@code from} to {@code to}, each once: one count a
     * team and one a service, each an equality and a time range that its own index serves (team and time;
     * lower-cased service and time), a service's leaving out the teams' deploys already counted. So a count reads the
     * deploys it counts, not every deploy there is (with {@code OR}, or with {@code IN} and a time range, H2 read them
     * all: 24–46 ms against about 1 ms at 200,000 deploys, docs/benchmarks.md).
     */
    @Override
    public long count(Collection<UUID> teamIds, Collection<String> services, Instant from, Instant to) {
        Set<UUID> teams = new LinkedHashSet<>(teamIds);
        Set<String> keys = new LinkedHashSet<>();
        services.forEach(s -> keys.add(serviceKey(s)));
        if (teams.isEmpty() && keys.isEmpty()) {
            return 0;
        }
        String inTime = " AND deployed_at >= ? AND deployed_at < ?";
        String notTheTeams = teams.isEmpty() ? ""
            : " AND (team_id IS NULL OR team_id NOT IN (" + String.join(", ", teams.stream().map(t -> "?").toList())
                + "))";
        List<String> counts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (UUID team : teams) {
            counts.add("(SELECT COUNT(*) FROM deploy_event WHERE team_id = ?" + inTime + ")");
            params.addAll(List.of(team, DbTime.toDb(from), DbTime.toDb(to)));
        }
        for (String key : keys) {
            counts.add("(SELECT COUNT(*) FROM deploy_event WHERE service_key = ?" + inTime + notTheTeams + ")");
            params.addAll(List.of(key, DbTime.toDb(from), DbTime.toDb(to)));
            params.addAll(teams);
        }
        Long n = jdbc.sql("SELECT " + String.join(" + ", counts)).params(params).query(Long.class).single();
        return n == null ? 0 : n;
    }

    /** A service as deploys and incidents are matched by: its name, case aside. */
    private static String serviceKey(String service) {
        return service.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<RespondedIncident> respondedBy(UUID personId) {
        return jdbc.sql("""
                SELECT i.id, i.started_at, i.service, i.team_id FROM incident i
                JOIN incident_responder r ON r.incident_id = i.id
                WHERE r.person_id = ? ORDER BY i.started_at, i.id""")
            .param(personId)
            .query((rs, n) -> new RespondedIncident(rs.getObject("id", UUID.class), DbTime.instant(rs, "started_at"),
                rs.getString("service"), rs.getObject("team_id", UUID.class)))
            .list();
    }
}
