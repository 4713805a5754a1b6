package io.aftercare.recovery.battingaverage;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "My recovery tools", description = "Your own recovery tools. Only you can see them.")
class BattingAverageApiController {

    private final BattingAverages averages;
    private final BattingAverageWords words;

    BattingAverageApiController(BattingAverages averages, BattingAverageWords words) {
        this.averages = averages;
        this.words = words;
    }

    /** The numbers, and the page's sentences in the caller's language. */
    record BattingAverageView(@JsonUnwrapped BattingAverage numbers, boolean enoughData, List<String> sentences) {
    }

    @GetMapping("/api/v1/me/batting-average")
    @Operation(summary = "Your batting average: your incidents in the context of your own record",
        description = """
            Incidents you were in, in the last 365 days and in all; on-call shifts you completed in the last 365 \\
            days; days between your last two incidents; deploys for your teams and the services of your incidents \\
            in the last 365 days, and how many per incident. A fact there is too little data to be fair about is \\
            null (docs/recovery.md gives the thresholds); enoughData is false when there is nothing to show. \\
            Worked out on each request, never stored, never compared with anyone else. 401 without sign-in.""",
        responses = @ApiResponse(responseCode = "200", description = "Your batting average"))
    BattingAverageView mine(@AuthenticationPrincipal AftercareUser me) {
        BattingAverage b = averages.of(me.personId());
        return new BattingAverageView(b, b.enoughData(), words.sentences(b, LocaleContextHolder.getLocale()));
    }
}
