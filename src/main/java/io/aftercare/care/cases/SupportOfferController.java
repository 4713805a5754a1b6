package io.aftercare.care.cases;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The thank-you page's "Would you like someone to reach out?" and its answer, in the app, by signed link and by
 * API. Every route works out the offer again from the person's own answer; yes asks for a peer supporter, no
 * changes nothing.
 */
@Controller
@Tag(name = "My aftercare")
class SupportOfferController {

    private static final String THANKS = "care/thanks";

    private final CareService care;
    private final SupportOffer offer;
    private final ThankYou thankYou;

    SupportOfferController(CareService care, SupportOffer offer, ThankYou thankYou) {
        this.care = care;
        this.offer = offer;
        this.thankYou = thankYou;
    }

    @GetMapping("/check-ins/{id}/thanks")
    @PreAuthorize("isAuthenticated()")
    String thanks(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", "care.flash.thanks");
        }
        if (offer.offered(me.personId(), step)) {
            model.addAttribute("offerAction", "/check-ins/" + id + "/support-offer");
        }
        thankYou.fill(model, me.personId(), step, LocaleContextHolder.getLocale());
        model.addAttribute("signedIn", true);
        return THANKS;
    }

    @PostMapping("/check-ins/{id}/support-offer")
    @PreAuthorize("isAuthenticated()")
    String answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam(defaultValue = "false") boolean accept, RedirectAttributes redirect) {
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        if (!accept) {
            redirect.addFlashAttribute("flash", "care.offer.declined");
            return "redirect:/me";
        }
        offer.accept(me.personId(), step);
        // accepted now, or asked before: either way their request is on the support page
        redirect.addFlashAttribute("flash", "care.offer.accepted");
        return "redirect:/support";
    }

    /** By signed link: the link is spent once the answer is in, so only a link used in the last hour still counts. */
    @PostMapping("/c/{token}/support-offer")
    String answerByLink(@AuthenticationPrincipal AftercareUser me, @PathVariable String token,
                        @RequestParam(defaultValue = "false") boolean accept, Model model,
                        HttpServletResponse response) {
        Optional<CareService.LinkTarget> target = offer.spentLink(token)
            .filter(t -> me == null || me.personId().equals(t.personId()));
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "care.offer.gone");
            return THANKS;
        }
        if (!accept) {
            model.addAttribute("message", "care.offer.declined");
            return THANKS;
        }
        StepView step = care.step(target.get().personId(), target.get().stepId()).orElseThrow();
        offer.accept(target.get().personId(), step);
        model.addAttribute("message", "care.offer.accepted");
        return THANKS;
    }

    @PostMapping("/api/v1/me/check-ins/{id}/support-offer")
    @PreAuthorize("isAuthenticated()")
    @ResponseBody
    @Operation(summary = "Say yes to \"Would you like someone to reach out?\" after an answer that offered it "
        + "(supportOffered: true); 409 when no offer stands (for example, a request is already open)")
    ResponseEntity<Map<String, UUID>> acceptByApi(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        UUID request = offer.accept(me.personId(), step)
            .orElseThrow(() -> DomainException.conflict("No offer stands for this answer."));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("supportRequestId", request));
    }
}
