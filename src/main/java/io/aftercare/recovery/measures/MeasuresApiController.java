package io.aftercare.recovery.measures;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Answer;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Stage;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own answers to the short self-compassion questionnaire; nobody else's, whatever their roles. */
@RestController
@RequestMapping("/api/v1/me/measures")
@PreAuthorize("isAuthenticated()")
@Tag(name = "How kind you are being to yourself", description = "Six optional statements, before and 7 and 30 days "
    + "after your first answer. Only you can see your answers. Not a diagnosis.")
class MeasuresApiController {

    private final SelfCompassionMeasure measure;
    private final MeasurePage page;

    MeasuresApiController(SelfCompassionMeasure measure, MeasurePage page) {
        this.measure = measure;
        this.page = page;
    }

    /** What is waiting (due: BEFORE, DAY_7, DAY_30 or null), the statements, your answers and a sentence each. */
    record Measures(Stage due, List<MeasurePage.Statement> statements, List<Answer> answers, List<String> sentences) {
    }

    /** {items: {statement key: 1..5}}; every statement optional, at least one answered. */
    record NewAnswer(Map<String, Object> items) {
    }

    @GetMapping
    @Operation(summary = "Your answers to the self-compassion statements, what is due and how it has gone")
    Measures get(@AuthenticationPrincipal AftercareUser me) {
        MeasurePage.View view = page.of(me.personId(), LocaleContextHolder.getLocale());
        return new Measures(view.due(), view.statements(), view.answers(), view.sentences());
    }

    @PostMapping
    @Operation(summary = "Answer the statements ({items: {kindness: 4, harshness: 2, ...}}); 1 not at all true for "
        + "me to 5 very true for me", description = "400 when no statement is answered, a key is not one of the "
            + "statements, or a value is not a whole number from 1 to 5.")
    ResponseEntity<Answer> answer(@AuthenticationPrincipal AftercareUser me,
                                  @RequestBody(required = false) NewAnswer body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        Answer answer = measure.answer(me.personId(), body.items());
        return ResponseEntity.created(URI.create("/api/v1/me/measures")).body(answer);
    }
}
