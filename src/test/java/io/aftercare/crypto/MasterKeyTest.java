package io.aftercare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.Aead;

class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void isGeneratedOnceReadableOnlyByItsOwnerAndTheSameKeyAfterARestart() throws Exception {
        Path file = dir.resolve("nested/master-key.json");
        Aead first = MasterKey.loadOrCreate(file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String json = Files.readString(file);
        byte[] ciphertext = first.encrypt("wrapped".getBytes(StandardCharsets.UTF_8), new byte[0]);

        Aead again = MasterKey.loadOrCreate(file);
        assertThat(Files.readString(file)).isEqualTo(json);
        assertThat(new String(again.decrypt(ciphertext, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("wrapped");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary files left behind").containsExactly(file);
        }
    }

    @Test
    void anotherMasterKeyCannotUnwrap() throws Exception {
        Aead one = MasterKey.loadOrCreate(dir.resolve("one.json"));
        Aead two = MasterKey.loadOrCreate(dir.resolve("two.json"));
        byte[] ciphertext = one.encrypt("secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThatThrownBy(() -> two.decrypt(ciphertext, new byte[0])).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aDamagedFileStopsTheStartWithItsPath() throws Exception {
        Path file = dir.resolve("master-key.json");
        Files.writeString(file, "{not a keyset");
        assertThatThrownBy(() -> MasterKey.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("master-key.json");
    }
}
