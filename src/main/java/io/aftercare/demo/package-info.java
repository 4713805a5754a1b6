/**
 * Demo: a made-up organisation (teams, people, rotations, months of incidents) so every page has something true
 * to show. Loaded by {@code --demo} on an empty database or by the first-run screen's demo button.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.aftercare.demo;
