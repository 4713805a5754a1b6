/**
 * Identity: local accounts (one per person), roles, sign-in, API tokens, invitations, the audit log, and a
 * person's data rights (export and erasure over every module's {@link io.aftercare.shared.PersonalData}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.aftercare.identity;
