package io.aftercare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The master key is read on a thread of its own while the application starts; the start still ends only with the
 * key read (generated on an empty data directory), and a damaged key still stops it.
 */
class MasterKeyAtStartTest {

    @TempDir
    Path dir;

    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
            CREATE TABLE crypto_person_key (person_id UUID NOT NULL PRIMARY KEY, keyset BYTEA,
                master_key_id BIGINT, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                destroyed_at TIMESTAMP WITH TIME ZONE)""").update();
    }

    private TinkPersonalEncryption started(Path masterKeyFile) {
        TinkPersonalEncryption encryption = new TinkPersonalEncryption(jdbc,
            new DataSourceTransactionManager(dataSource), masterKeyFile);
        encryption.afterSingletonsInstantiated();
        return encryption;
    }

    @Test
    void aStartOnAnEmptyDataDirectoryEndsWithTheMasterKeyWritten() {
        Path file = dir.resolve("data/master-key.json");
        TinkPersonalEncryption encryption = started(file);
        assertThat(file).exists();

        UUID person = UUID.randomUUID();
        byte[] sealed = encryption.encrypt(person, "a note".getBytes(StandardCharsets.UTF_8), new byte[0]);
        TinkPersonalEncryption afterRestart = started(file);
        assertThat(new String(afterRestart.decrypt(person, sealed, new byte[0]), StandardCharsets.UTF_8))
            .isEqualTo("a note");
    }

    @Test
    void aDamagedMasterKeyStillStopsTheStartWithItsPath() throws Exception {
        Path file = dir.resolve("master-key.json");
        Files.writeString(file, "{not a keyset");
        assertThatThrownBy(() -> started(file)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("master-key.json");
    }
}
