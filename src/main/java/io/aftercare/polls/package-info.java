/**
 * Pulse polls: a coordinator asks a team or everyone a few questions (the talk's straw poll is the first template),
 * people answer anonymously by construction, and the results are shown after the poll closes, only through
 * {@link io.aftercare.insights.RuleSet}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Polls")
package io.aftercare.polls;
