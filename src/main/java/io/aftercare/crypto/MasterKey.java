package io.aftercare.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

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
        if (KeysetFiles.createOnce(file, ".master-key")) {
            log.info("Generated a new master key in {}. Back it up: without it no note can be read.",
                file.toAbsolutePath());
        }
    }
}
