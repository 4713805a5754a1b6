package io.aftercare.intake.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** SQL for the delivery log. */
@Repository
class DeliveryRepository {

    private static final String INSERT = """
        INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                     external_id, incident_id, detail, apply_partition)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PAYLOAD =
        "INSERT INTO intake_delivery_payload (delivery_id, payload) VALUES (?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static Object[] values(Row r) {
        return new Object[] {r.id(), r.channel(), r.integrationId(), DbTime.toDb(r.receivedAt()), r.outcome().name(),
            cut(r.eventType(), 200), r.dedupeKey(), cut(r.externalId(), 200), r.incidentId(), cut(r.detail(), 500),
            partition(r.externalId())};
    }

    /** How many partitions the queue is split into (decision 0052); fixed, whatever the number of applier threads. */
    static final int PARTITIONS = 16;

    /**
     * The queue partition of a delivery about the incident with this external id: the same for every delivery about
     * one incident (a source's incident is its source and external id), so that one partition holds all of them.
     * {@link String#hashCode()} is defined by the language, so every instance computes the same partition.
     */
    static int partition(String externalId) {
        return externalId == null ? 0 : Math.floorMod(externalId.trim().hashCode(), PARTITIONS);
    }

    record Row(UUID id, String channel, UUID integrationId, Instant receivedAt, Outcome outcome, String eventType,
               String dedupeKey, String externalId, UUID incidentId, String detail, String payload) {
    }

    void insert(Row r) {
        jdbc.sql(INSERT).params(values(r)).update();
        if (r.payload() != null) {
            jdbc.sql(INSERT_PAYLOAD).params(r.id(), r.payload()).update();
        }
    }

    /**
     * Inserts the first delivery of each event in one batch: for each row, false (and nothing inserted) when its
     * channel already has a delivery with that dedupe key, earlier in the batch included, unless that delivery was
     * stored without its content ({@link #storeAgainIfTorn}).
     */
    boolean[] insertFirst(List<Row> rows) {
        int[] counts = template.batchUpdate(INSERT + " ON CONFLICT DO NOTHING",
            rows.stream().map(DeliveryRepository::values).toList());
        boolean[] inserted = new boolean[rows.size()];
        List<Object[]> payloads = new ArrayList<>(rows.size());
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] != 0;
            if (inserted[i] && rows.get(i).payload() != null) {
                payloads.add(new Object[] {rows.get(i).id(), rows.get(i).payload()});
            }
        }
        if (!payloads.isEmpty()) {
            template.batchUpdate(INSERT_PAYLOAD, payloads);
        }
        for (int i = 0; i < counts.length; i++) {
            if (!inserted[i]) {
                inserted[i] = storeAgainIfTorn(rows.get(i));
            }
        }
        return inserted;
    }

    /**
     * A redelivery of an event whose first delivery was stored without its payload: H2 can leave part of a
     * transaction behind when the process is killed while that transaction commits (decision 0071). Such a delivery
     * was never answered 2xx, so its sender sends it again; the incomplete row is replaced by this one, which is
     * stored and applied as a first delivery. Otherwise the row of a first delivery always has its payload.
     *
     * @return whether it was stored again
     */
    private boolean storeAgainIfTorn(Row r) {
        if (r.dedupeKey() == null || r.payload() == null) {
            return false;
        }
        int removed = jdbc.sql("""
                DELETE FROM intake_delivery WHERE channel = ? AND dedupe_key = ?
                AND NOT EXISTS (SELECT 1 FROM intake_delivery_payload p WHERE p.delivery_id = intake_delivery.id)""")
            .params(r.channel(), r.dedupeKey()).update();
        if (removed == 0) {
            return false;
        }
        insert(r);
        return true;
    }

    /** A stored delivery whose incident event is still to be applied. */
    record Queued(UUID id, UUID integrationId, String payload, int attempts, int partition) {
    }

    /**
     * The oldest queued deliveries, for the caller's transaction. With {@code shared} (PostgreSQL, where several
     * instances may apply the same queue) they are locked, and another instance's applier takes the next ones instead
     * of waiting for these; H2 runs as a single instance whose one applier is the only reader of the queue, so they
     * are not locked there (in H2 a row lock is a write of the row, to be written again when it is settled).
     */
    List<Queued> nextQueued(int limit, boolean shared) {
        return withPayloads(jdbc.sql("SELECT id, integration_id, apply_attempts, apply_partition FROM intake_delivery "
                // ordered by the index's own columns: H2 then reads the first rows of the index and stops, where
                // "ORDER BY seq" alone made it read and sort the whole backlog each time
                + "WHERE outcome = 'QUEUED' ORDER BY outcome, seq LIMIT " + limit
                + (shared ? " FOR UPDATE SKIP LOCKED" : ""))
            .query(DeliveryRepository::mapQueued).list());
    }

    /**
     * The oldest queued deliveries of some partitions, locked, for the caller's transaction (PostgreSQL), which holds
     * those partitions' locks ({@link #lockPartition}); the row locks keep any other reader of the queue off them too.
     * Oldest first across the partitions, so each incident's deliveries come in the order they were stored.
     */
    List<Queued> nextQueued(List<Integer> partitions, int limit) {
        return withPayloads(jdbc.sql("SELECT id, integration_id, apply_attempts, apply_partition FROM intake_delivery "
                + "WHERE outcome = 'QUEUED' AND apply_partition IN (:partitions) ORDER BY seq LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED")
            .param("partitions", partitions).query(DeliveryRepository::mapQueued).list());
    }

    /** An arbitrary number that, with the partition, names a partition's advisory lock on PostgreSQL. */
    static final int LOCK_CLASS = 0x41667443;

    /**
     * Takes the partition's lock on PostgreSQL until the end of the caller's transaction, unless another transaction
     * (on this instance or another) holds it.
     *
     * @return whether this transaction now holds it
     */
    boolean lockPartition(int partition) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?, ?)").params(LOCK_CLASS, partition)
            .query(Boolean.class).single());
    }

    /** One queued delivery (locked when {@code shared}); empty when applied meanwhile, or another instance has it. */
    Optional<Queued> nextQueued(UUID id, boolean shared) {
        return withPayloads(jdbc.sql("SELECT id, integration_id, apply_attempts, apply_partition FROM intake_delivery "
                + "WHERE id = ? AND outcome = 'QUEUED'" + (shared ? " FOR UPDATE SKIP LOCKED" : ""))
            .param(id).query(DeliveryRepository::mapQueued).list()).stream().findFirst();
    }

    private List<Queued> withPayloads(List<Queued> locked) {
        if (locked.isEmpty()) {
            return locked;
        }
        Map<UUID, String> payloads = new HashMap<>();
        jdbc.sql("SELECT delivery_id, payload FROM intake_delivery_payload WHERE delivery_id IN (:ids)")
            .param("ids", locked.stream().map(Queued::id).toList())
            .query(rs -> {
                payloads.put(rs.getObject("delivery_id", UUID.class), rs.getString("payload"));
            });
        return locked.stream().map(q -> new Queued(q.id(), q.integrationId(), payloads.get(q.id()), q.attempts(),
            q.partition()))
            .toList();
    }

    private static Queued mapQueued(ResultSet rs, int n) throws SQLException {
        return new Queued(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class), null,
            rs.getInt("apply_attempts"), rs.getInt("apply_partition"));
    }

    private static final String SETTLE =
        "UPDATE intake_delivery SET outcome = ?, incident_id = ?, detail = ? WHERE id = ?";

    /** How a queued delivery ended: applied, refused by the incidents module, or given up on. */
    record Settled(UUID id, Outcome outcome, UUID incidentId, String detail) {
    }

    /** A queued delivery ends; the log shows how. */
    void settle(UUID id, Outcome outcome, UUID incidentId, String detail) {
        settleAll(List.of(new Settled(id, outcome, incidentId, detail)));
    }

    /** Several queued deliveries end, in one batch. */
    void settleAll(List<Settled> settled) {
        if (!settled.isEmpty()) {
            template.batchUpdate(SETTLE, settled.stream()
                .map(x -> new Object[] {x.outcome().name(), x.incidentId(), cut(x.detail(), 500), x.id()}).toList());
        }
    }

    void attemptFailed(UUID id) {
        jdbc.sql("UPDATE intake_delivery SET apply_attempts = apply_attempts + 1 WHERE id = ?").param(id).update();
    }

    long queued() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'QUEUED'").query(Long.class).single();
    }

    boolean seen(String channel, String dedupeKey) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE channel = ? AND dedupe_key = ?")
            .params(channel, dedupeKey).query(Long.class).single() > 0;
    }

    List<DeliveryView> recent(UUID integrationId, int limit) {
        return jdbc.sql("""
                SELECT id, received_at, outcome, event_type, external_id, incident_id, detail FROM intake_delivery
                WHERE integration_id = ? ORDER BY integration_id DESC, seq DESC LIMIT""" + " " + limit)
            .param(integrationId)
            .query((rs, n) -> new DeliveryView(rs.getObject("id", UUID.class), DbTime.instant(rs, "received_at"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("event_type"), rs.getString("external_id"),
                rs.getObject("incident_id", UUID.class), rs.getString("detail")))
            .list();
    }

    /** Removes deliveries received before the instant, payload and all. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM intake_delivery WHERE received_at < ?").param(DbTime.toDb(before)).update();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
