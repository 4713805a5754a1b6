package io.aftercare.identity.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.aftercare.identity.AuditLog;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID actorId, String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
            .params(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), actorId, action, target,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)))
            .update();
    }
}
