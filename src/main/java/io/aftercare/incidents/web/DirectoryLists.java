package io.aftercare.incidents.web;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people and teams to choose from in the incident forms.
 *
 * <p>Why SQL here: the directory's API has no "everyone" or "all teams" yet. This reads only names and e-mails of
 * the directory's own tables and should become a call to {@code Directory} once it offers such a list.
 */
@Component
class DirectoryLists {

    /** Enough for a select; a bigger organisation needs a search box (and a directory search API) instead. */
    static final int LIMIT = 2000;

    record Option(UUID id, String label) {
    }

    private final JdbcClient jdbc;

    DirectoryLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Option> people() {
        return jdbc.sql("SELECT id, name, email FROM person ORDER BY name, email LIMIT " + LIMIT)
            .query((rs, n) -> new Option(rs.getObject("id", UUID.class),
                rs.getString("name") + " (" + rs.getString("email") + ")"))
            .list();
    }

    List<Option> teams() {
        return jdbc.sql("SELECT id, name FROM team ORDER BY name LIMIT " + LIMIT)
            .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name")))
            .list();
    }
}
