/**
 * What is true of a group, never of a person: the rule set through which every figure about people's answers
 * passes (docs/privacy.md, "Aggregates"), the team dashboard and programme views built on it, and on-call load.
 * Other modules hand their answers to {@link io.aftercare.insights.RuleSet} and show only what it releases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package io.aftercare.insights;
