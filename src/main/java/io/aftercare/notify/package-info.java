/**
 * Reaching people: every message goes through an outbox (one row per notification, channel and person), is shown
 * in the in-app inbox and sent by e-mail or Slack when the person's preferences and quiet hours allow it. Outbound webhooks
 * (Standard Webhooks, signed) tell an organisation's tools about care and peer-support events through the same
 * outbox, with opaque ids and stages only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package io.aftercare.notify;
