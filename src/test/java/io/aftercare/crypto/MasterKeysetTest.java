package io.aftercare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** The master key file as a keyset of versions: rotation, destruction, files from before rotation, other readers. */
class MasterKeysetTest {

    private static final byte[] CONTEXT = "aftercare.person-key:test".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aFileWrittenBeforeRotationExistedLoadsAsAKeysetOfOneAndKeepsUnwrappingAfterRotation() throws Exception {
        Path file = dir.resolve("master-key.json");
        try (InputStream old = getClass().getResourceAsStream("master-key-before-rotation.json")) {
            Files.copy(old, file);
        }
        MasterKeyset keyset = MasterKeyset.loadOrCreate(file);
        assertThat(keyset.versions()).containsExactly(4013566768L);
        assertThat(keyset.primaryId()).isEqualTo(4013566768L);

        byte[] wrapped = wrapNew(keyset.aead());
        assertThat(MasterKeyset.wrappedBy(wrapped)).hasValue(4013566768L);

        long next = keyset.rotate();
        assertThat(keyset.versions()).containsExactlyInAnyOrder(4013566768L, next);
        assertThat(keyset.primaryId()).isEqualTo(next);
        assertThat(MasterKeyset.wrappedBy(wrapNew(keyset.aead()))).as("new wraps use the new primary")
            .hasValue(next);
        assertThat(TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyset.aead(), CONTEXT).size())
            .as("the old version still unwraps").isEqualTo(1);
    }

    @Test
    void aDestroyedVersionIsGoneFromTheFileAndWhatItWrappedCanNeverBeUnwrapped() throws Exception {
        Path file = dir.resolve("keys/master-key.json");
        MasterKeyset keyset = MasterKeyset.loadOrCreate(file);
        long first = keyset.primaryId();
        byte[] wrappedByFirst = wrapNew(keyset.aead());
        long second = keyset.rotate();

        assertThatThrownBy(() -> keyset.destroy(second)).as("never the primary")
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(keyset.destroy(first)).isTrue();
        assertThat(keyset.versions()).containsExactly(second);
        assertThat(Files.readString(file)).doesNotContain(Long.toString(first));
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedByFirst, keyset.aead(), CONTEXT))
            .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedByFirst,
            MasterKeyset.loadOrCreate(file).aead(), CONTEXT)).as("nor after a restart")
            .isInstanceOf(GeneralSecurityException.class);
        assertThat(keyset.destroy(first)).as("already gone").isFalse();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary files left behind").containsExactly(file);
        }
    }

    @Test
    void anotherInstanceSharingTheFileSeesTheNewPrimaryAndUnwrapsWhatItWrapped() throws Exception {
        Path file = dir.resolve("master-key.json");
        MasterKeyset one = MasterKeyset.loadOrCreate(file);
        MasterKeyset two = MasterKeyset.loadOrCreate(file);
        long rotated = one.rotate();
        byte[] wrapped = wrapNew(one.aead());

        assertThat(TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, two.reloaded(), CONTEXT).size()).isEqualTo(1);
        assertThat(two.primaryId()).isEqualTo(rotated);
    }

    @Test
    void aFileThatDoesNotParseOnReloadLeavesTheLoadedKeysetInUse() throws Exception {
        Path file = dir.resolve("master-key.json");
        MasterKeyset keyset = MasterKeyset.loadOrCreate(file);
        byte[] wrapped = wrapNew(keyset.aead());
        Files.writeString(file, "{half a keyset");

        assertThat(TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyset.reloaded(), CONTEXT).size())
            .isEqualTo(1);
    }

    @Test
    void aCiphertextWithoutTinksPrefixNamesNoVersion() {
        assertThat(MasterKeyset.wrappedBy(new byte[] {1, 2, 3})).isEmpty();
        assertThat(MasterKeyset.wrappedBy(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static byte[] wrapNew(Aead master) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), master, CONTEXT);
    }
}
