package io.aftercare.notify.preferences;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A person's own notification settings: page and API. */
@Controller
@Tag(name = "Notification preferences", description = "How Aftercare reaches you. Only you can change them.")
class PreferencesController {

    /** The API's view: what applies now and which channels exist here. */
    record PreferencesJson(List<String> channels, LocalTime quietStart, LocalTime quietEnd, Set<DayOfWeek> weekendDays,
                           LocalDate pausedUntil, List<String> availableChannels) {
    }

    private final Preferences preferences;
    private final Directory directory;

    PreferencesController(Preferences preferences, Directory directory) {
        this.preferences = preferences;
        this.directory = directory;
    }

    private PersonRef person(AftercareUser me) {
        return directory.person(me.personId()).orElseThrow(() -> DomainException.notFound("Person"));
    }

    private PreferencesJson json(Preferences.Effective e) {
        return new PreferencesJson(e.channels(), e.quietStart(), e.quietEnd(), e.weekendDays(), e.pausedUntil(),
            preferences.configuredChannels());
    }

    @GetMapping(path = "/api/v1/me/preferences", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Your notification preferences")
    PreferencesJson get(@AuthenticationPrincipal AftercareUser me) {
        return json(preferences.effective(person(me)));
    }

    @PutMapping(path = "/api/v1/me/preferences", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Change your notification preferences (channels in order, quiet hours, weekend days, pause)")
    PreferencesJson put(@AuthenticationPrincipal AftercareUser me, @RequestBody Preferences.Update update) {
        return json(preferences.save(person(me), update));
    }

    @GetMapping("/settings/notifications")
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("prefs", preferences.effective(person(me)));
        model.addAttribute("available", preferences.configuredChannels());
        model.addAttribute("days", DayOfWeek.values());
        return "notify/preferences";
    }

    /** What the settings form sends: up to two channels in order, quiet hours, weekend days, a pause. */
    record PreferencesForm(String first, String second, String quietStart, String quietEnd,
                           List<DayOfWeek> weekendDays, String pausedUntil) {

        List<String> channels() {
            List<String> channels = new ArrayList<>();
            for (String c : new String[] {first, second}) {
                if (c != null && !c.isBlank() && !channels.contains(c)) {
                    channels.add(c);
                }
            }
            return channels;
        }

        /** @throws DateTimeParseException when a time or the date is not one */
        Preferences.Update update() {
            return new Preferences.Update(channels(), time(quietStart), time(quietEnd),
                weekendDays == null || weekendDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                    : EnumSet.copyOf(weekendDays),
                pausedUntil == null || pausedUntil.isBlank() ? null : LocalDate.parse(pausedUntil));
        }
    }

    @PostMapping("/settings/notifications")
    String save(@AuthenticationPrincipal AftercareUser me, @ModelAttribute PreferencesForm form, Model model,
                RedirectAttributes redirect) {
        try {
            preferences.save(person(me), form.update());
        } catch (DomainException.Invalid | DateTimeParseException e) {
            model.addAttribute("error", true);
            return page(me, model);
        }
        redirect.addFlashAttribute("flash", "notify.prefs.saved");
        return "redirect:/settings/notifications";
    }

    private static LocalTime time(String value) {
        return value == null || value.isBlank() ? null : LocalTime.parse(value);
    }
}
