package io.aftercare.peersupport.resources;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.shared.DbTime;

/**
 * Tier 3: professional help (employee assistance programme, counselling, crisis lines) by country and language,
 * written by the coordinator, for every signed-in person. It should also be open to people who are not signed in
 * (nobody should need a password to find a crisis line); that needs {@code /resources} in the identity module's
 * permitted paths, which is that module's change to make.
 */
@Controller
class ResourcesController {

    static final Set<String> KINDS = Set.of("CRISIS", "EAP", "COUNSELLING", "OTHER");

    public record Resource(UUID id, String country, String language, String kind, String name, String description,
                    String contact, String url) {
        public boolean safeUrl() {
            return url.startsWith("https://") || url.startsWith("http://");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ResourcesController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Resource> all() {
        return jdbc.sql("""
                SELECT id, country, language, kind, name, description, contact, url FROM support_resource
                ORDER BY CASE kind WHEN 'CRISIS' THEN 0 WHEN 'EAP' THEN 1 WHEN 'COUNSELLING' THEN 2 ELSE 3 END,
                         country, language, name""")
            .query((rs, n) -> new Resource(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
            .list();
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
        model.addAttribute("kinds", List.of("CRISIS", "EAP", "COUNSELLING", "OTHER"));
        return "support/resources-edit";
    }

    @PostMapping("/programme/resources")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String add(@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String language,
               @RequestParam(defaultValue = "OTHER") String kind, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String contact,
               @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        String cleanUrl = url.strip();
        if (name.isBlank() || (!cleanUrl.isEmpty() && !cleanUrl.startsWith("https://") && !cleanUrl.startsWith("http://"))) {
            redirect.addFlashAttribute("flash", "support.resources.invalid");
            return "redirect:/programme/resources";
        }
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(UUID.randomUUID(), cut(country.isBlank() ? "Everywhere" : country, 64), cut(language, 32),
                KINDS.contains(kind) ? kind : "OTHER", cut(name, 200), cut(description, 1000), cut(contact, 200),
                cut(cleanUrl, 500), DbTime.toDb(clock.instant()))
            .update();
        redirect.addFlashAttribute("flash", "support.resources.added");
        return "redirect:/programme/resources";
    }

    @PostMapping("/programme/resources/{id}/delete")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        jdbc.sql("DELETE FROM support_resource WHERE id = ?").param(id).update();
        redirect.addFlashAttribute("flash", "support.resources.deleted");
        return "redirect:/programme/resources";
    }

    private static String cut(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
