package io.aftercare.peersupport.requests;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.GettingStartedSteps;

/** Peer support's part of getting started: someone on the supporter roster, and resources people can turn to. */
@Component
class SupportSteps implements GettingStartedSteps {

    private final Roster roster;
    private final JdbcClient jdbc;

    SupportSteps(Roster roster, JdbcClient jdbc) {
        this.roster = roster;
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        long resources = jdbc.sql("SELECT COUNT(*) FROM support_resource").query(Long.class).single();
        return List.of(new Step("roster", 30, "/programme/support", !roster.supporters().isEmpty()),
            new Step("resources", 40, "/programme/resources", resources > 0));
    }
}
