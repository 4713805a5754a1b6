package io.aftercare.peersupport.resources;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;

/**
 * The professional help the coordinator lists (tier 3), for the page and the API alike, and the one place a resource
 * is written (the demo's resources too, through {@code SupportHistory}).
 */
@Component
public class ResourceCatalogue {

    static final List<String> KINDS = List.of("CRISIS", "EAP", "COUNSELLING", "OTHER");

    /** What a coordinator typed; blanks are allowed except for the name. */
    public record NewResource(String country, String language, String kind, String name, String description, String contact,
                       String url) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ResourceCatalogue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ResourcesController.Resource> all() {
        return jdbc.sql("""
                SELECT id, country, language, kind, name, description, contact, url FROM support_resource
                ORDER BY CASE kind WHEN 'CRISIS' THEN 0 WHEN 'EAP' THEN 1 WHEN 'COUNSELLING' THEN 2 ELSE 3 END,
                         country, language, name""")
            .query((rs, n) -> new ResourcesController.Resource(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
            .list();
    }

    /** A name is required; a link, when given, is http(s). */
    static boolean valid(String name, String url) {
        String u = url == null ? "" : url.strip();
        return name != null && !name.isBlank() && (u.isEmpty() || u.startsWith("https://") || u.startsWith("http://"));
    }

    /** Adds a valid resource (see {@link #valid}); texts too long are cut, an unknown kind is OTHER. */
    public UUID add(NewResource r) {
        UUID id = UUID.randomUUID();
        String country = orEmpty(r.country());
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, cut(country.isBlank() ? "Everywhere" : country, 64), cut(orEmpty(r.language()), 32),
                Set.copyOf(KINDS).contains(r.kind()) ? r.kind() : "OTHER", cut(orEmpty(r.name()), 200),
                cut(orEmpty(r.description()), 1000), cut(orEmpty(r.contact()), 200), cut(orEmpty(r.url()), 500),
                DbTime.toDb(clock.instant()))
            .update();
        return id;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM support_resource WHERE id = ?").param(id).update() == 1;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
