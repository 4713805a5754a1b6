package io.aftercare.care.cases;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.aftercare.care.Outreach;
import io.aftercare.care.ProfessionalHelp;
import io.aftercare.care.RecoveryTools;
import io.aftercare.care.SupportOfferHook;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;

/**
 * What the thank-you page after an answer shows the person, and only them: the follow-ups still to come with their
 * dates in the person's own time zone (and how to stop them), and professional help inline when they asked for
 * professional resources or said they feel stressed or very stressed (4 or 5).
 */
@Component
class ThankYou {

    /** From this stress answer up, the thank-you page shows professional help without being asked. */
    static final int STRESSED = 4;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /** A follow-up still to come. */
    public record NextFollowUp(int day, String date) {
    }

    private final StepStore steps;
    private final Directory directory;
    private final ObjectProvider<ProfessionalHelp> help;
    private final ObjectProvider<RecoveryTools> recovery;

    ThankYou(StepStore steps, Directory directory, ObjectProvider<ProfessionalHelp> help,
             ObjectProvider<RecoveryTools> recovery) {
        this.steps = steps;
        this.directory = directory;
        this.help = help;
        this.recovery = recovery;
    }

    /** Fills the thank-you page for this step of the person's own, read in {@code place}'s language and country. */
    void fill(Model model, UUID personId, StepView step, Locale place) {
        ZoneId zone = directory.person(personId).map(PersonRef::timeZone).orElse(ZoneOffset.UTC);
        model.addAttribute("followUps", followUps(personId, step.caseId(), zone));
        model.addAttribute("caseId", step.caseId());
        model.addAttribute("zone", zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
        boolean wantsHelp = step.checkIn() != null
            && (Outreach.RESOURCES.name().equals(step.checkIn().outreach()) || step.checkIn().stress() >= STRESSED);
        ProfessionalHelp resources = help.getIfAvailable();
        model.addAttribute("showHelp", wantsHelp);
        model.addAttribute("askedForResources",
            step.checkIn() != null && Outreach.RESOURCES.name().equals(step.checkIn().outreach()));
        ProfessionalHelp.Found found = wantsHelp && resources != null ? resources.forPlace(place)
            : new ProfessionalHelp.Found(List.of(), false);
        model.addAttribute("help", found.entries());
        model.addAttribute("helpForPlace", found.forPlace());
        SupportOfferHook.OwnAnswers answers = ownAnswers(step);
        model.addAttribute("tools", answers == null ? List.of() : recovery.orderedStream()
            .flatMap(t -> t.afterAnswer(personId, step.caseId(), answers, place).stream()).toList());
    }

    /** What the person just answered, for the recovery tools to offer from; null for a step not answered. */
    private static SupportOfferHook.OwnAnswers ownAnswers(StepView step) {
        if (!StepStatus.ANSWERED.name().equals(step.status())) {
            return null;
        }
        if (step.checkIn() != null) {
            return new SupportOfferHook.OwnAnswers(step.checkIn().stress(), new HashSet<>(step.checkIn().effects()),
                null);
        }
        if (step.followUp() != null) {
            return new SupportOfferHook.OwnAnswers(null, null, Measures.points(List.of(step)).get(0).rumination());
        }
        return null;
    }

    /** The case's follow-ups not yet answered or passed; none when the person asked not to be asked again. */
    List<NextFollowUp> followUps(UUID personId, UUID caseId, ZoneId zone) {
        return steps.comingFollowUps(personId, caseId, List.of(StepStatus.SCHEDULED, StepStatus.PENDING)).stream()
            .map(f -> new NextFollowUp(f.day(), DATE.format(f.dueAt().atZone(zone))))
            .toList();
    }
}
