package io.aftercare.directory.setup;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.GettingStartedSteps;

/** The directory's part of getting started: a team, and people beyond the admin (added by hand or imported). */
@Component
class DirectorySteps implements GettingStartedSteps {

    private final JdbcClient jdbc;

    DirectorySteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        long teams = jdbc.sql("SELECT COUNT(*) FROM team").query(Long.class).single();
        long people = jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
        return List.of(new Step("teams", 10, "/teams/new", teams > 0),
            new Step("people", 20, "/people/import", people > 1));
    }
}
