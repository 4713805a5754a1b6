package io.aftercare.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** Writing a new AES-256-GCM keyset to its file, the one way the master key and the secret boxes make theirs. */
final class KeysetFiles {

    private KeysetFiles() {
    }

    /**
     * Writes a new keyset to the file, readable by its owner only, unless the file exists by then: two instances
     * starting at once keep one key.
     *
     * @return whether this call made the file (false: another instance was first, and theirs is kept)
     */
    static boolean createOnce(Path file, String tempPrefix) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        Path tmp = Files.createTempFile(dir, tempPrefix, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system (Windows): the data directory's own permissions protect it
            }
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                // a hard link appears atomically and never replaces a key another instance wrote first
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException someoneElseWasFirst) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
                return true;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
