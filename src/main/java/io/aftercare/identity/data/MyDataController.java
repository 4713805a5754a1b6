package io.aftercare.identity.data;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.DataRights;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Your data" under the person's settings: download everything as one file, or erase it after typing their
 * e-mail. Only ever the caller's own data; an admin erases someone else from the directory.
 */
@Controller
class MyDataController {

    private static final String VIEW = "identity/my-data";

    private final DataRights dataRights;

    MyDataController(DataRights dataRights) {
        this.dataRights = dataRights;
    }

    @GetMapping("/settings/data")
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("login", me.login());
        return VIEW;
    }

    @GetMapping("/settings/data/export")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal AftercareUser me) {
        return ExportDownload.of(dataRights.export(me.personId()));
    }

    @PostMapping("/settings/data/erase")
    String erase(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "") String confirmation,
                 Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (!DataRightsService.confirms(confirmation, me.login())) {
            // erasure cannot be undone: a slip of the keyboard must not do it, and must say so next to the field
            model.addAttribute("login", me.login());
            model.addAttribute("confirmationError", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return VIEW;
        }
        dataRights.erase(me.personId(), me.personId());
        // the erasure ended their sessions in the database; this one also goes from the request, so that nothing
        // saves it again on the way out
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?erased";
    }
}
