package io.aftercare.identity.sso;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The calm page after a refused single sign-on, and the admins' read-only view of how it is set up. */
@Controller
class SsoPageController {

    private final SsoState state;

    SsoPageController(SsoState state) {
        this.state = state;
    }

    @GetMapping("/login/refused")
    String refused(@RequestParam(required = false) String reason, Model model) {
        SsoRefusal why = SsoRefusal.of(reason);
        model.addAttribute("reason", why.code());
        model.addAttribute("providers", state.view().providers());
        return "identity/sso-refused";
    }

    @GetMapping("/admin/sso")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        model.addAttribute("sso", state.view());
        return "identity/admin-sso";
    }
}
