package io.aftercare.directory.setup;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's getting-started checklist, where the first run lands; linked from home until every step is done. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GettingStartedController {

    static final String PATH = "/admin/getting-started";

    private final GettingStarted checklist;

    GettingStartedController(GettingStarted checklist) {
        this.checklist = checklist;
    }

    @GetMapping(PATH)
    String show(Model model) {
        var steps = checklist.steps();
        model.addAttribute("steps", steps);
        model.addAttribute("open", steps.stream().filter(s -> !s.done()).count());
        return "directory/getting-started";
    }
}
