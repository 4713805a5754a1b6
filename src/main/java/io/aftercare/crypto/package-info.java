/**
 * Crypto: per-person data keys (Google Tink AEAD) wrapped by one master key, so that free text is unreadable in
 * the database and a person's data can be crypto-shredded by destroying their key. The master key is a keyset that
 * rotates (after every erasure, on an interval, or when an admin asks); its old versions are destroyed once they
 * have wrapped nothing for the backup retention, so that erasure reaches database backups too (decision 0017).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package io.aftercare.crypto;
