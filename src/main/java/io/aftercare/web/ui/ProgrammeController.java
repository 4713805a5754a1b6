package io.aftercare.web.ui;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The programme's front page: what a coordinator looks after and where each part lives (when care opens, peer
 * support, its health, the resources everyone sees). Every part it links to is open to the same roles.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class ProgrammeController {

    static final String VIEW = "programme";

    @GetMapping("/programme")
    String overview() {
        return VIEW;
    }
}
