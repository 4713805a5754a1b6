package io.aftercare.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.identity.AuditLog;
import io.aftercare.support.AftercareIT;

/** Entries from before the chain (no seq) fail verification until Aftercare's start chains them. */
@AftercareIT
class AuditChainStartIT {

    @Autowired
    JdbcAuditLog chain;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntryFromBeforeTheChainJoinsItAtStart() {
        UUID legacy = UUID.randomUUID();
        jdbc.sql("INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (?, ?, NULL, ?, ?, ?)")
            .params(legacy, OffsetDateTime.now().minusDays(30), "ROLES_CHANGED", "person:someone", "[RESPONDER]")
            .update();
        AuditLog.Verification before = audit.verify();
        assertThat(before.ok()).isFalse();
        assertThat(before.brokenId()).isEqualTo(legacy);

        assertThat(chain.chainUnchained()).isEqualTo(1);
        assertThat(audit.verify().ok()).isTrue();
        assertThat(jdbc.sql("SELECT seq FROM audit_log WHERE id = ?").param(legacy).query(Long.class).single())
            .isPositive();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE id = ?").param(legacy).query(String.class).single())
            .isEqualTo("[RESPONDER]");
    }
}
