package io.aftercare.recovery.overview;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.aftercare.care.RecoveryTools;
import io.aftercare.identity.AftercareUser;

/**
 * "Recovery tools": every tool's card for the signed-in person, in one place. Each tool is a {@link RecoveryTools}
 * bean; a new tool shows up here without this page knowing it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecoveryPageController {

    private final ObjectProvider<RecoveryTools> tools;

    RecoveryPageController(ObjectProvider<RecoveryTools> tools) {
        this.tools = tools;
    }

    @GetMapping(RecoveryOverviewLink.PATH)
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RecoveryTools.Link> cards = tools.orderedStream()
            .flatMap(t -> t.onMyAftercare(me.personId(), locale).stream())
            .filter(l -> !RecoveryOverviewLink.PATH.equals(l.href()))
            .toList();
        model.addAttribute("tools", cards);
        return "recovery/overview";
    }
}
