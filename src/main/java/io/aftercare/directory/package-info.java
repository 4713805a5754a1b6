/**
 * Directory: people, their time zones, quiet hours and external identities, teams, and on-call rotations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package io.aftercare.directory;
