/**
 * A small shared kernel: API pages, problem details and database time conversions that every module uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.aftercare.shared;
