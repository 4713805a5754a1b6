package io.aftercare.peersupport.resources;

import java.util.List;
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
    }

    private final ResourceCatalogue catalogue;

    ResourcesController(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<Resource> all() {
        return catalogue.all();
    }

    @GetMapping("/resources")
    String page(Model model) {
        model.addAttribute("resources", all());
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
