/**
 * Crypto: per-person data keys (Google Tink AEAD) wrapped by one master key, so that free text is unreadable in
 * the database and a person's data can be crypto-shredded by destroying their key.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto")
package io.aftercare.crypto;
