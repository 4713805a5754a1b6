/**
 * Peer support in three tiers: teammates and leads nudged to reach out after an incident, trained peer supporters
 * assigned on request with an acknowledgement deadline, and professional resources one click away; measured only
 * as programme health in aggregates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Peer support")
package io.aftercare.peersupport;
