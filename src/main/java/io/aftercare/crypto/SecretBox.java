package io.aftercare.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

/**
 * Encrypts administrative secrets at rest (integration secrets, webhook signing secrets) with Tink AEAD
 * (AES-256-GCM). The keyset lives in its own file, outside the database, so a database dump alone reveals no secret;
 * it is created on first use. The owner's id and the box's purpose are the associated data: a ciphertext copied to
 * another row or another kind of secret does not decrypt.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final Path keyFile;
    private final String purpose;
    private volatile Aead aead;

    /**
     * @param keyFile the Tink keyset file (created on first use)
     * @param purpose what the secrets are, bound into every ciphertext (for example {@code intake-integration})
     */
    public SecretBox(Path keyFile, String purpose) {
        this.keyFile = keyFile;
        this.purpose = purpose;
    }

    /** The secret encrypted for this owner, as base64. */
    public String seal(UUID ownerId, String secret) {
        try {
            return Base64.getEncoder().encodeToString(aead().encrypt(secret.getBytes(StandardCharsets.UTF_8),
                associated(ownerId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a " + purpose + " secret", e);
        }
    }

    /** The secret again; fails when the ciphertext belongs elsewhere or the key file was replaced. */
    public String open(UUID ownerId, String sealed) {
        try {
            return new String(aead().decrypt(Base64.getDecoder().decode(sealed), associated(ownerId)),
                StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not decrypt the secret of " + purpose + " " + ownerId
                + " (was " + keyFile + " replaced?)", e);
        }
    }

    private byte[] associated(UUID id) {
        return (purpose + ":" + id).getBytes(StandardCharsets.UTF_8);
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
            throw new UncheckedIOException("Could not read the key file " + keyFile, e);
        }
    }

    /** Writes a new keyset atomically; if another instance won the race, theirs is kept. */
    private void create() throws IOException, GeneralSecurityException {
        if (KeysetFiles.createOnce(keyFile, "secret-key")) {
            log.info("Created the key that encrypts {} secrets: {}", purpose, keyFile.toAbsolutePath());
        }
    }
}
