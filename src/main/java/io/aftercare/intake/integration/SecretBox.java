package io.aftercare.intake.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Encrypts integration secrets at rest with Tink AEAD (AES-256-GCM). The keyset lives in its own file
 * ({@code aftercare.intake.key-file}), outside the database, so a database dump alone reveals no secret. The
 * integration id is the associated data: a ciphertext copied to another integration does not decrypt.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final Path keyFile;
    private volatile Aead aead;

    SecretBox(IntakeProperties properties) {
        this.keyFile = Path.of(properties.keyFile());
    }

    String seal(UUID integrationId, String secret) {
        try {
            return Base64.getEncoder().encodeToString(aead().encrypt(secret.getBytes(StandardCharsets.UTF_8),
                associated(integrationId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an integration secret", e);
        }
    }

    String open(UUID integrationId, String sealed) {
        try {
            return new String(aead().decrypt(Base64.getDecoder().decode(sealed), associated(integrationId)),
                StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not decrypt the secret of integration " + integrationId
                + " (was " + keyFile + " replaced?)", e);
        }
    }

    private static byte[] associated(UUID id) {
        return ("intake-integration:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private Aead aead() throws GeneralSecurityException {
        Aead a = aead;
        if (a == null) {
            synchronized (this) {
                if (aead == null) {
                    AeadConfig.register();
                    aead = keyset().getPrimitive(RegistryConfiguration.get(), Aead.class);
                }
                a = aead;
            }
        }
        return a;
    }

    private KeysetHandle keyset() throws GeneralSecurityException {
        try {
            if (!Files.exists(keyFile)) {
                create();
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyFile), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the intake key file " + keyFile, e);
        }
    }

    /** Writes a new keyset atomically; if another instance won the race, theirs is kept. */
    private void create() throws IOException, GeneralSecurityException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        Path tmp = Files.createTempFile(dir, "intake-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions protect it
            }
            Files.writeString(tmp, json);
            try {
                // link() fails if the file exists, atomically: two instances starting at once keep one key
                Files.createLink(keyFile, tmp);
                log.info("Created the key that encrypts integration secrets: {}", keyFile.toAbsolutePath());
            } catch (FileAlreadyExistsException e) {
                // someone else created it first
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
