/**
 * Recovery tools that belong to the person alone: a one-week self-compassion journal, their batting average (the
 * incident in the context of their own record), what they would fix after a case, and a plan for their next
 * on-call shift. It listens to care's events and reads the directory and incidents through their APIs; it offers
 * its tools on the person's own pages through care's {@code RecoveryTools}. Nothing in it is shown to anyone else,
 * aggregated or logged; all of it goes into the person's export and erasure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recovery")
package io.aftercare.recovery;
