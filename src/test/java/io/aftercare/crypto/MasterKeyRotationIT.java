package io.aftercare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * Master key rotation on a real database: new wraps use the new version, the job re-wraps everyone else, and an
 * old version is destroyed once it has wrapped nothing for the backup retention, after which a key from a database
 * backup taken before the rotation can no longer be unwrapped. The key files are this test's own.
 */
@AftercareIT
class MasterKeyRotationIT {

    private static final Path KEYS = Path.of("target/test-data/rotation-" + UUID.randomUUID());
    private static final Duration RETENTION = Duration.ofDays(35);

    @DynamicPropertySource
    static void ownKeyFiles(DynamicPropertyRegistry registry) {
        registry.add("aftercare.master-key-file", () -> KEYS.resolve("master-key.json").toString());
        registry.add("aftercare.intake.key-file", () -> KEYS.resolve("intake-secrets-key.json").toString());
        registry.add("aftercare.notify.webhooks.key-file", () -> KEYS.resolve("webhook-secrets-key.json").toString());
    }

    @Autowired
    PersonalEncryption encryption;

    @Autowired
    MasterKeyRotation rotation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Value("${aftercare.backup-retention}")
    Duration retention;

    @LocalServerPort
    int port;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    record Row(byte[] keyset, Long masterKeyId) {
    }

    @Test
    void anErasureRotatesTheMasterKeyAndAfterTheBackupRetentionNoBackupBringsTheNotesBack() throws Exception {
        assertThat(retention).as("the documented default").isEqualTo(RETENTION);
        Instant t0 = clock.instant();
        rotation.run(t0);
        long old = rotation.status(t0).primary();
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        byte[] anaNote = encryption.encryptText(ana, "I could not sleep after the outage", "care.note:1");
        byte[] benNote = encryption.encryptText(ben, "Fine, a bit tired", "care.note:2");
        byte[] danNote = encryption.encryptText(dan, "Please forget this", "care.note:3");
        assertThat(row(ana).masterKeyId()).as("the version is recorded with the wrap").isEqualTo(old);
        Row anaInABackup = row(ana);
        Row danInABackup = row(dan);
        SecretBox intakeSecrets = new SecretBox(KEYS.resolve("intake-secrets-key.json"), "intake-integration");
        SecretBox webhookSecrets = new SecretBox(KEYS.resolve("webhook-secrets-key.json"), "notify-webhook");
        UUID owner = UUID.randomUUID();
        String sealedIntake = intakeSecrets.seal(owner, "intake secret");
        String sealedWebhook = webhookSecrets.seal(owner, "whsec_secret");
        byte[] intakeKeyFile = Files.readAllBytes(KEYS.resolve("intake-secrets-key.json"));
        byte[] webhookKeyFile = Files.readAllBytes(KEYS.resolve("webhook-secrets-key.json"));

        encryption.destroyKey(dan);
        // a key wrapped before versions were recorded (before V80): the job reads its version from the ciphertext
        jdbc.sql("UPDATE crypto_person_key SET master_key_id = NULL WHERE person_id = ?").param(ben).update();
        rotation.run(t0);

        long current = rotation.status(t0).primary();
        assertThat(current).as("the erasure rotated the master key").isNotEqualTo(old);
        UUID cy = UUID.randomUUID();
        byte[] cyNote = encryption.encryptText(cy, "Glad it is over", "care.note:4");
        assertThat(row(cy).masterKeyId()).as("a new wrap uses the new primary").isEqualTo(current);
        assertThat(MasterKeyset.wrappedBy(row(cy).keyset())).hasValue(current);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM crypto_person_key
                WHERE keyset IS NOT NULL AND (master_key_id IS NULL OR master_key_id <> ?)""")
            .param(current).query(Long.class).single()).as("no key left under the old version").isZero();
        for (UUID person : List.of(ana, ben, cy)) {
            assertThat(MasterKeyset.wrappedBy(row(person).keyset())).as("the ciphertext says so too").hasValue(current);
        }
        assertThat(encryption.decryptText(ana, anaNote, "care.note:1")).isEqualTo("I could not sleep after the outage");
        assertThat(encryption.decryptText(ben, benNote, "care.note:2")).isEqualTo("Fine, a bit tired");
        assertThat(encryption.decryptText(cy, cyNote, "care.note:4")).isEqualTo("Glad it is over");
        assertThat(row(dan).keyset()).as("the erased person's key stays destroyed").isNull();
        assertThat(versionsInFile()).as("kept while backups may still hold keys it wrapped").contains(old, current);

        // restored from a backup younger than the retention, the erased person's notes can still be read
        Row anaNow = row(ana);
        restore(dan, danInABackup);
        assertThat(encryption.decryptText(dan, danNote, "care.note:3")).isEqualTo("Please forget this");
        encryption.destroyKey(dan);
        rotation.run(t0);
        assertThat(rotation.status(t0).primary()).as("one more erasure, one more rotation").isNotEqualTo(current);
        current = rotation.status(t0).primary();

        rotation.run(t0.plus(RETENTION).minusSeconds(60));
        assertThat(versionsInFile()).contains(old);

        rotation.run(t0.plus(RETENTION).plusSeconds(60));
        assertThat(versionsInFile()).as("destroyed after the retention").doesNotContain(old).contains(current);
        assertThat(rotation.status(t0.plus(RETENTION)).versions()).extracting(MasterKeyRotation.VersionStatus::id)
            .doesNotContain(old).contains(current);

        restore(dan, danInABackup);
        assertThatThrownBy(() -> encryption.decryptText(dan, danNote, "care.note:3"))
            .as("the erased person's key from a backup taken before the erasure cannot be unwrapped")
            .isInstanceOf(IllegalStateException.class);
        restore(ana, anaInABackup);
        assertThatThrownBy(() -> encryption.decryptText(ana, anaNote, "care.note:1"))
            .as("nor anyone's from that backup").isInstanceOf(IllegalStateException.class);
        restore(ana, anaNow);
        assertThat(encryption.decryptText(ben, benNote, "care.note:2")).isEqualTo("Fine, a bit tired");

        assertThat(Files.readAllBytes(KEYS.resolve("intake-secrets-key.json"))).as("secret keys untouched")
            .isEqualTo(intakeKeyFile);
        assertThat(Files.readAllBytes(KEYS.resolve("webhook-secrets-key.json"))).isEqualTo(webhookKeyFile);
        assertThat(intakeSecrets.open(owner, sealedIntake)).isEqualTo("intake secret");
        assertThat(webhookSecrets.open(owner, sealedWebhook)).isEqualTo("whsec_secret");
    }

    @Test
    void theMasterKeyRotatesByItselfWhenItsPrimaryIsOlderThanTheInterval() {
        Instant now = clock.instant();
        rotation.run(now);
        long primary = rotation.status(now).primary();
        rotation.run(now.plus(Duration.ofDays(89)));
        assertThat(rotation.status(now).primary()).as("not yet").isEqualTo(primary);
        rotation.run(now.plus(Duration.ofDays(90)).plusSeconds(1));
        assertThat(rotation.status(now).primary()).as("90 days by default").isNotEqualTo(primary);
    }

    @Test
    void anAdminRotatesThroughTheApiAndSeesTheVersionsWithoutKeyMaterial() throws Exception {
        long before = ((Number) api.asAdmin().get("/api/v1/admin/keys").json("$.primary")).longValue();

        TestApi.Response rotated = api.asAdmin().post("/api/v1/admin/keys/rotate", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        long primary = ((Number) rotated.json("$.primary")).longValue();
        assertThat(primary).isNotEqualTo(before);
        List<Number> versions = rotated.json("$.versions[*].id");
        assertThat(versions.stream().map(Number::longValue)).contains(before, primary);
        assertThat(rotated.body()).doesNotContain("value").doesNotContain(Files.readString(
            KEYS.resolve("master-key.json")).replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1"));
        assertThat((String) rotated.json("$.backupRetention")).isEqualTo("PT840H");

        UUID person = UUID.randomUUID();
        encryption.encryptText(person, "after the rotation", "care.note:5");
        assertThat(row(person).masterKeyId()).isEqualTo(primary);
        assertThat(versionsInFile()).contains(before, primary);
    }

    @Test
    void anInstanceWhoseKeyFileIsNotTheSharedOneRotatesAndDestroysNothing() throws Exception {
        Instant now = clock.instant();
        rotation.run(now);
        long primary = rotation.status(now).primary();
        Path file = KEYS.resolve("master-key.json");
        String shared = Files.readString(file);
        Path own = KEYS.resolve("elsewhere/master-key.json");
        MasterKeyset.loadOrCreate(own);
        try {
            Files.copy(own, file, StandardCopyOption.REPLACE_EXISTING);
            rotation.run(now.plus(Duration.ofDays(400)));
            assertThat(Files.readString(file)).as("no version added or removed").isEqualTo(Files.readString(own));

            TestApi.Response refused = api.asAdmin().post("/api/v1/admin/keys/rotate", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
            assertThat((Boolean) api.asAdmin().get("/api/v1/admin/keys").json("$.fileComplete")).isFalse();
        } finally {
            Files.writeString(file, shared);
        }
        rotation.run(now);
        assertThat(rotation.status(now).primary()).isEqualTo(primary);
        assertThat(rotation.status(now).inFile()).isTrue();
    }

    private Row row(UUID person) {
        return jdbc.sql("SELECT keyset, master_key_id FROM crypto_person_key WHERE person_id = ?").param(person)
            .query((rs, n) -> new Row(rs.getBytes("keyset"), (Long) rs.getObject("master_key_id", Long.class)))
            .single();
    }

    /** The person's row as a backup taken then would bring it back. */
    private void restore(UUID person, Row from) {
        jdbc.sql("UPDATE crypto_person_key SET keyset = ?, master_key_id = ?, destroyed_at = NULL WHERE person_id = ?")
            .params(from.keyset(), from.masterKeyId(), person).update();
    }

    private List<Long> versionsInFile() {
        return MasterKeyset.loadOrCreate(KEYS.resolve("master-key.json")).versions();
    }
}
