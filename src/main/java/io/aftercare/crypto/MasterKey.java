package io.aftercare.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The master key: a Tink AES-256-GCM keyset in a JSON file outside the database. It only ever wraps the
 * per-person keys. Generated on first start when the file does not exist yet.
 */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MasterKey() {
    }

    /** Reads the master key from {@code file}, generating it first if the file does not exist. */
    static Aead loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the master key " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        Path tmp = Files.createTempFile(dir, ".master-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it
            }
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                // a hard link appears atomically and never replaces a key another instance wrote first
                Files.createLink(file, tmp);
                log.info("Generated a new master key in {}. Back it up: without it no note can be read.",
                    file.toAbsolutePath());
            } catch (FileAlreadyExistsException someoneElseWasFirst) {
                // keep theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
