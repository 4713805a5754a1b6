package io.aftercare.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.peersupport.OutreachForInsight;
import io.aftercare.peersupport.SupportRequestsForInsight;
import io.aftercare.insights.StressPolls;
import io.aftercare.recovery.ToolUseForInsight;

/**
 * Care's answers, peer support's outreach times and requests, and recovery's "used a tool" are read for aggregation by the
 * insights module alone, which shows them only through its rule set. Any other module that reaches for them (other
 * than the one that provides them) fails here.
 */
class InsightOnlyApisTest {

    static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.aftercare");

    @Test
    void onlyInsightsReadsCaresAnswers() {
        noClasses().that().resideOutsideOfPackages("io.aftercare.insights..", "io.aftercare.care..")
            .should().dependOnClassesThat().belongToAnyOf(CareAnswersForInsight.class)
            .because("only the insights module may aggregate care's answers, through its rule set")
            .check(MAIN);
    }

    @Test
    void onlyInsightsReadsOutreachTimes() {
        noClasses().that().resideOutsideOfPackages("io.aftercare.insights..", "io.aftercare.peersupport..")
            .should().dependOnClassesThat().belongToAnyOf(OutreachForInsight.class)
            .because("only the insights module may aggregate outreach, through its rule set")
            .check(MAIN);
    }

    @Test
    void onlyInsightsReadsToolUse() {
        noClasses().that().resideOutsideOfPackages("io.aftercare.insights..", "io.aftercare.recovery..")
            .should().dependOnClassesThat().belongToAnyOf(ToolUseForInsight.class)
            .because("only the insights module may aggregate recovery-tool use, through its rule set")
            .check(MAIN);
    }

    @Test
    void onlyInsightsReadsWhatBecameOfSupportRequests() {
        noClasses().that().resideOutsideOfPackages("io.aftercare.insights..", "io.aftercare.peersupport..")
            .should().dependOnClassesThat().belongToAnyOf(SupportRequestsForInsight.class)
            .because("programme health's request figures are shown through the rule set alone")
            .check(MAIN);
    }

    @Test
    void onlyInsightsReadsThePollsStressFigure() {
        noClasses().that().resideOutsideOfPackages("io.aftercare.insights..", "io.aftercare.polls..")
            .should().dependOnClassesThat().belongToAnyOf(StressPolls.class)
            .because("a poll's answers reach other modules only as the rule set releases them")
            .check(MAIN);
    }
}
