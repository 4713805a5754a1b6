package io.aftercare.care.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.care.Outreach;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonName;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The check-in and follow-up forms, in the app (/check-ins/ID) and by signed link (/c/TOKEN, no sign-in): the
 * signed-in person's own step, or the link's one step. The form sends a question per item, so it is read from all
 * its parameters ({@link FormValues}).
 */
@Controller
class CheckInFormController {

    private static final String FORM = "care/check-in";
    private static final String LINK_GONE = "care/link-gone";
    private static final String THANKS = "care/thanks";

    private final CareService care;
    private final MessageSource messages;
    private final SupportOffer offer;
    private final ThankYou thankYou;
    private final Directory directory;

    CheckInFormController(CareService care, MessageSource messages, SupportOffer offer, ThankYou thankYou,
                          Directory directory) {
        this.care = care;
        this.messages = messages;
        this.offer = offer;
        this.thankYou = thankYou;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- the forms, signed in

    @GetMapping("/check-ins/{id}")
    String checkIn(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        return form(model, me.personId(), step, "/check-ins/" + id, Map.of(), FormValues.empty());
    }

    @PostMapping("/check-ins/{id}")
    String answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        FormValues values = FormValues.of(params);
        try {
            care.answer(me.personId(), id, values.body());
        } catch (DomainException.Invalid e) {
            return form(model, me.personId(), step, "/check-ins/" + id, formErrors(e), values);
        }
        // an answered check-in always ends on the thank-you page: what happens next, and help if it was asked for;
        // a person who asked for professional resources (and is offered nothing else) goes straight to the help for
        // where they are, with the thank-you on top and a link to what happens next
        boolean answeredCheckIn = step.checkInStep() && "answer".equals(values.action());
        StepView answered = care.step(me.personId(), id).orElseThrow();
        boolean offered = offer.offered(me.personId(), answered);
        if (answeredCheckIn && !offered && answered.checkIn() != null
            && Outreach.RESOURCES.name().equals(answered.checkIn().outreach())) {
            redirect.addFlashAttribute("thanks", true);
            redirect.addFlashAttribute("answeredStep", id);
            return "redirect:/resources?for=me";
        }
        if (answeredCheckIn || offered) {
            redirect.addFlashAttribute("message", thanksKey(values));
            return "redirect:/check-ins/" + id + "/thanks";
        }
        redirect.addFlashAttribute("flash", thanksKey(values));
        return "redirect:/me";
    }

    // ---------------------------------------------------------------- the forms, by signed link

    @GetMapping("/c/{token}")
    String link(@AuthenticationPrincipal AftercareUser me, @PathVariable String token, Model model,
                HttpServletResponse response) {
        Optional<CareService.LinkTarget> target = linkFor(me, token);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return LINK_GONE;
        }
        StepView step = care.step(target.get().personId(), target.get().stepId()).orElseThrow();
        return form(model, target.get().personId(), withoutAnswers(step), "/c/" + token, Map.of(),
            FormValues.empty());
    }

    @PostMapping("/c/{token}")
    String answerByLink(@AuthenticationPrincipal AftercareUser me, @PathVariable String token,
                        @RequestParam MultiValueMap<String, String> params, Model model,
                        HttpServletResponse response) {
        Optional<CareService.LinkTarget> target = linkFor(me, token);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return LINK_GONE;
        }
        FormValues values = FormValues.of(params);
        try {
            care.answerByLink(token, values.body());
        } catch (DomainException.Invalid e) {
            StepView step = care.step(target.get().personId(), target.get().stepId()).orElseThrow();
            return form(model, target.get().personId(), withoutAnswers(step), "/c/" + token, formErrors(e), values);
        } catch (DomainException e) {
            // used up or answered in the meantime (another tab, a chat button): the link is gone
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return LINK_GONE;
        }
        model.addAttribute("message", thanksKey(values));
        StepView answered = care.step(target.get().personId(), target.get().stepId()).orElseThrow();
        if (offer.offered(target.get().personId(), answered)) {
            model.addAttribute("offerAction", "/c/" + token + "/support-offer");
        }
        thankYou.fill(model, target.get().personId(), answered, LocaleContextHolder.getLocale());
        if (me == null) {
            // signing in from here comes back to this same thank-you page, in the app
            model.addAttribute("signInPath", "/check-ins/" + target.get().stepId() + "/thanks");
        }
        return THANKS;
    }

    /** The answer's field errors in the form's own calm words, next to the question they belong to. */
    private Map<String, String> formErrors(DomainException.Invalid e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        e.byField().forEach((field, message) -> {
            String key = field.startsWith("items.") ? "care.form.error.item" : "care.form.error." + field;
            errors.put(field, messages.getMessage(key, null, message, locale));
        });
        return errors;
    }

    /** A link is for its own person: someone else signed in (a forwarded mail) gets nothing. */
    private Optional<CareService.LinkTarget> linkFor(AftercareUser me, String token) {
        return care.link(token).filter(t -> me == null || me.personId().equals(t.personId()));
    }

    /** The link's page shows the question only: never earlier answers, whoever holds the link. */
    private static StepView withoutAnswers(StepView s) {
        return new StepView(s.id(), s.caseId(), s.kind(), s.day(), s.dueAt(), s.status(), s.remindedAt(),
            s.answeredAt(), s.incidents(), null, null);
    }

    private static String thanksKey(FormValues values) {
        return switch (values.action()) {
            case "NOT_NOW" -> "care.flash.notNow";
            case "FINE" -> "care.flash.fine";
            default -> "care.flash.thanks";
        };
    }

    private String form(Model model, UUID personId, StepView step, String action, Map<String, String> errors,
                        FormValues values) {
        model.addAttribute("step", step);
        model.addAttribute("ownCase", step.incidents().isEmpty());
        model.addAttribute("formAction", action);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("effects", Answers.Effect.values());
        model.addAttribute("outreachOptions", outreachOptions(personId, step));
        model.addAttribute("items", java.util.Arrays.stream(Answers.Item.values()).map(Answers.Item::key).toList());
        return FORM;
    }

    /**
     * "Would you like someone to reach out?", each choice saying who would be told. Teammates and leads are asked
     * only about incidents, so a check-in the person opened themselves does not offer them; nor does a person
     * without a team get "A teammate", or one without a lead or manager "My team lead".
     */
    private List<OutreachOption> outreachOptions(UUID personId, StepView step) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean incident = !step.incidents().isEmpty();
        List<TeamRef> teams = directory.teamsOf(personId);
        List<String> teamNames = teams.stream().map(TeamRef::name).distinct().toList();
        Set<UUID> leadIds = new LinkedHashSet<>();
        teams.forEach(t -> leadIds.addAll(t.leads()));
        leadIds.remove(personId);
        if (leadIds.isEmpty()) {
            directory.person(personId).map(PersonRef::managerId).ifPresent(leadIds::add);
        }
        List<String> leadNames = leadIds.isEmpty() ? List.of()
            : directory.names(leadIds).stream().map(PersonName::name).toList();
        List<OutreachOption> options = new ArrayList<>();
        for (Outreach o : List.of(Outreach.NOBODY, Outreach.TEAMMATE, Outreach.LEAD, Outreach.PEER_SUPPORTER,
            Outreach.RESOURCES)) {
            String hint = switch (o) {
                case NOBODY -> null;
                case TEAMMATE -> !incident || teamNames.isEmpty() ? "" : messages.getMessage(
                    "care.outreach.TEAMMATE.hint", new Object[] {String.join(", ", teamNames)}, locale);
                case LEAD -> !incident || leadNames.isEmpty() ? "" : messages.getMessage(
                    "care.outreach.LEAD.hint", new Object[] {String.join(", ", leadNames)}, locale);
                case PEER_SUPPORTER -> messages.getMessage("care.outreach.PEER_SUPPORTER.hint", null, locale);
                case RESOURCES -> messages.getMessage("care.outreach.RESOURCES.hint", null, locale);
            };
            if (hint == null || !hint.isEmpty()) {
                options.add(new OutreachOption(o.name(), hint));
            }
        }
        return options;
    }

    /** A choice of the outreach question and what it means, in the form's words. */
    public record OutreachOption(String name, String hint) {
    }

    /** What the form sent, kept for showing it again next to its errors. */
    public record FormValues(String action, Integer stress, List<String> effects, String outreach,
                             Map<String, Integer> items, String note) {

        static FormValues empty() {
            // nothing chosen for the reader: an unanswered outreach question means nobody is asked
            return new FormValues("answer", null, List.of(), null, Map.of(), "");
        }

        static FormValues of(MultiValueMap<String, String> params) {
            Map<String, Integer> items = new LinkedHashMap<>();
            for (Answers.Item item : Answers.Item.values()) {
                Integer v = number(params.getFirst(item.key()));
                if (v != null) {
                    items.put(item.key(), v);
                }
            }
            String action = Optional.ofNullable(params.getFirst("action")).orElse("answer");
            return new FormValues(action, number(params.getFirst("stress")),
                Optional.ofNullable(params.get("effects")).orElse(List.of()), params.getFirst("outreach"), items,
                Optional.ofNullable(params.getFirst("note")).orElse(""));
        }

        CareService.AnswerBody body() {
            if (action.equals("NOT_NOW") || action.equals("FINE")) {
                return new CareService.AnswerBody(action, null, null, null, null, null);
            }
            return new CareService.AnswerBody(null, stress, effects, outreach, items, note);
        }

        public boolean hasEffect(String effect) {
            return effects.contains(effect);
        }

        public Integer item(String key) {
            return items.get(key);
        }

        private static Integer number(String value) {
            try {
                return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
