/**
 * Identity: local accounts (one per person), roles, sign-in, API tokens, invitations and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.aftercare.identity;
