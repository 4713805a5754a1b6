package io.aftercare.peersupport.resources;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tier 3: professional help (employee assistance programme, counselling, crisis lines) by country and language,
 * written by the coordinator, for every signed-in person. It should also be open to people who are not signed in
 * (nobody should need a password to find a crisis line); that needs {@code /resources} in the identity module's
 * permitted paths, which is that module's change to make.
 */
@Controller
class ResourcesController {

    public record Resource(UUID id, String country, String language, String kind, String name, String description,
                    String contact, String url) {
        public boolean safeUrl() {
            return url.startsWith("https://") || url.startsWith("http://");
        }

        public String countryName() {
            return PlaceNames.country(country);
        }

        public String languageName() {
            return PlaceNames.language(language);
        }
    }

    private final ResourceCatalogue catalogue;
    private final Resources resources;

    ResourcesController(ResourceCatalogue catalogue, Resources resources) {
        this.catalogue = catalogue;
        this.resources = resources;
    }

    List<Resource> all() {
        return catalogue.all();
    }

    /**
     * Every entry; with {@code for=me}, the entries for the reader's place first (their browser's language and
     * country, as {@link Resources} decides), which is where a check-in answered "professional resources" leads,
     * with its thank-you on top.
     */
    @GetMapping("/resources")
    String page(@RequestParam(name = "for", required = false) String forWhom, Locale locale, Model model) {
        if ("me".equals(forWhom)) {
            Resources.Found found = resources.forPlace(locale);
            model.addAttribute("resources", found.entries());
            model.addAttribute("forMe", true);
            model.addAttribute("forPlace", found.forPlace());
        } else {
            model.addAttribute("resources", all());
            model.addAttribute("forMe", false);
            model.addAttribute("forPlace", false);
        }
        return "support/resources";
    }

    @GetMapping("/programme/resources")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String edit(Model model) {
        model.addAttribute("resources", all());
        model.addAttribute("kinds", ResourceCatalogue.KINDS);
        return "support/resources-edit";
    }

    @PostMapping("/programme/resources")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String add(@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String language,
               @RequestParam(defaultValue = "OTHER") String kind, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String contact,
               @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        if (!ResourceCatalogue.valid(name, url)) {
            redirect.addFlashAttribute("flash", "support.resources.invalid");
            return "redirect:/programme/resources";
        }
        catalogue.add(new ResourceCatalogue.NewResource(country, language, kind, name, description, contact, url));
        redirect.addFlashAttribute("flash", "support.resources.added");
        return "redirect:/programme/resources";
    }

    @PostMapping("/programme/resources/{id}/delete")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        catalogue.delete(id);
        redirect.addFlashAttribute("flash", "support.resources.deleted");
        return "redirect:/programme/resources";
    }
}
