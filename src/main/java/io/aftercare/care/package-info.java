/**
 * Care: private care cases for the people in an incident (trigger rules, check-ins, follow-ups at day 1/7/30,
 * quiet hours, opt-out), answered only by and shown only to the person themselves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care")
package io.aftercare.care;
