package io.aftercare.directory.setup;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.shared.FieldErrors;

/** The first-run screen: create the admin (and, if wanted, a demo organisation). */
@Controller
class SetupController {

    static final String VIEW = "directory/setup";
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
        .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList());

    private final SetupService setup;

    SetupController(SetupService setup) {
        this.setup = setup;
    }

    record SetupForm(String name, String email, String timeZone, String password, String confirm, String demo) {
        static SetupForm empty() {
            return new SetupForm("", "", "UTC", "", "", null);
        }
    }

    @ModelAttribute("zones")
    List<String> zones() {
        return ZONES;
    }

    @GetMapping("/setup")
    String show(Model model) {
        if (!setup.needed()) {
            return "redirect:/";
        }
        model.addAttribute("form", SetupForm.empty());
        model.addAttribute("errors", Map.of());
        return VIEW;
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, Model model) {
        if (!setup.needed()) {
            return "redirect:/";
        }
        if (form.password() == null || !form.password().equals(form.confirm())) {
            model.addAttribute("errors", Map.of("confirm", "The two passwords are not the same."));
            return VIEW;
        }
        try {
            setup.createAdmin(form.name(), form.email(), form.timeZone(), form.password(), form.demo() != null);
        } catch (ErrorResponseException e) {
            model.addAttribute("errors", FieldErrors.of(e));
            return VIEW;
        }
        return form.demo() != null ? "redirect:/login?created&demo" : "redirect:/login?created";
    }
}
