package io.aftercare.identity.audit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;

/** "Who saw what about me" under the person's settings: what others did with or read of their data. */
@Controller
class AccessLogController {

    private final AuditLog audit;

    AccessLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/settings/access-log")
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("entries", audit.about(me.personId()));
        return "identity/access-log";
    }
}
