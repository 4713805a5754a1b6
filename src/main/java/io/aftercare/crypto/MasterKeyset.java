package io.aftercare.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.proto.EncryptedKeyset;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The master key file as a Tink keyset of several versions, one of them primary: new wraps use the primary, every
 * version still in the file can unwrap. A file written before rotation existed holds one version and loads as a
 * keyset of one. Versions are identified by Tink's key id, as an unsigned number (the JSON file shows the same).
 *
 * <p>Changes ({@link #rotate()}, {@link #destroy(long)}) read the file afresh, write the whole keyset to a temporary
 * file beside it and rename that over the file, so a reader sees the old keyset or the new one, never half of one.
 * The caller serialises changes across instances (see {@code MasterKeyRotation}). Other instances sharing the file
 * notice a change on their own: before use the file is looked at again when it was last looked at over a second
 * ago, and reloaded when it changed; a file that does not parse leaves the loaded keyset in use.
 */
final class MasterKeyset {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private record Loaded(KeysetHandle handle, Aead aead, Object fileKey, long modified, long size, long checked) {
    }

    private final Path file;
    private volatile Loaded loaded;

    private MasterKeyset(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** Reads the keyset from {@code file}, generating a keyset of one version first if the file does not exist. */
    static MasterKeyset loadOrCreate(Path file) {
        MasterKeyset keyset = new MasterKeyset(file);
        MasterKey.loadOrCreate(file);
        synchronized (keyset) {
            keyset.loaded = keyset.read();
        }
        return keyset;
    }

    Path file() {
        return file;
    }

    /** Encrypts with the primary version; decrypts with any version in the file. */
    Aead aead() {
        return current().aead();
    }

    /** The keyset read again from the file now (after a failure that another instance's change may explain). */
    Aead reloaded() {
        synchronized (this) {
            try {
                loaded = read();
            } catch (IllegalStateException unreadable) {
                log.warn("The master key file {} could not be read again; the keyset loaded before stays in use",
                    file, unreadable);
            }
            return loaded.aead();
        }
    }

    long primaryId() {
        return Integer.toUnsignedLong(current().handle().getPrimary().getId());
    }

    /** Every version in the file, primary included. */
    List<Long> versions() {
        KeysetHandle handle = current().handle();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            ids.add(Integer.toUnsignedLong(handle.getAt(i).getId()));
        }
        return ids;
    }

    /** Adds a new version and makes it primary; the others stay to unwrap what they wrapped. Returns its id. */
    synchronized long rotate() {
        Loaded fresh = read();
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(fresh.handle())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary())
                .build();
            write(rotated);
            long id = Integer.toUnsignedLong(rotated.getPrimary().getId());
            log.info("Added master key version {} to {} as the primary; the re-wrap job moves every person's key "
                + "to it", id, file);
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a master key version to " + file, e);
        }
    }

    /**
     * Removes a version from the file for good: what it wrapped can no longer be unwrapped. Refuses the primary.
     *
     * @return whether the file held that version
     */
    synchronized boolean destroy(long versionId) {
        Loaded fresh = read();
        KeysetHandle handle = fresh.handle();
        if (Integer.toUnsignedLong(handle.getPrimary().getId()) == versionId) {
            throw new IllegalArgumentException("The primary master key version " + versionId
                + " cannot be destroyed");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < builder.size(); i++) {
            if (Integer.toUnsignedLong(handle.getAt(i).getId()) == versionId) {
                builder.deleteAt(i);
                try {
                    write(builder.build());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Could not remove master key version " + versionId, e);
                }
                log.info("Destroyed master key version {} (removed from {})", versionId, file);
                return true;
            }
        }
        return false;
    }

    /**
     * The master key version that wrapped a person's key, from Tink's 5-byte prefix of the ciphertext inside the
     * encrypted keyset ({@code 0x01} and the key id); empty when there is no such prefix.
     */
    static OptionalLong wrappedBy(byte[] encryptedKeyset) {
        try {
            byte[] ciphertext = EncryptedKeyset.parseFrom(encryptedKeyset, ExtensionRegistryLite.getEmptyRegistry())
                .getEncryptedKeyset().toByteArray();
            if (ciphertext.length < 5 || ciphertext[0] != 0x01) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt()));
        } catch (InvalidProtocolBufferException e) {
            return OptionalLong.empty();
        }
    }

    private Loaded current() {
        Loaded l = loaded;
        if (System.nanoTime() - l.checked() < CHECK_EVERY_NANOS) {
            return l;
        }
        synchronized (this) {
            l = loaded;
            if (System.nanoTime() - l.checked() < CHECK_EVERY_NANOS) {
                return l;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (Objects.equals(attributes.fileKey(), l.fileKey())
                    && attributes.lastModifiedTime().toMillis() == l.modified() && attributes.size() == l.size()) {
                    loaded = new Loaded(l.handle(), l.aead(), l.fileKey(), l.modified(), l.size(), System.nanoTime());
                } else {
                    loaded = read();
                    log.info("Reloaded the master key file {}: {} version(s), primary {}", file,
                        loaded.handle().size(), Integer.toUnsignedLong(loaded.handle().getPrimary().getId()));
                }
            } catch (IOException | IllegalStateException e) {
                log.warn("The master key file {} could not be read again; the keyset loaded before stays in use",
                    file, e);
                loaded = new Loaded(l.handle(), l.aead(), l.fileKey(), l.modified(), l.size(), System.nanoTime());
            }
            return loaded;
        }
    }

    private Loaded read() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), System.nanoTime());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The master key file " + file + " is missing", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the master key " + file, e);
        }
    }

    /** Writes the keyset to a temporary file (mode 600) and renames it over the file, then uses it. */
    private void write(KeysetHandle handle) throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), ".master-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's own permissions protect it
            }
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("The master key file " + file + " cannot be replaced in one step "
                    + "(is it a single mounted file? mount its directory instead)", e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the master key file " + file
                + " (it must be writable to rotate the master key)", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing was moved; a stray temporary file holds no more than the file itself
                }
            }
        }
        loaded = read();
    }
}
