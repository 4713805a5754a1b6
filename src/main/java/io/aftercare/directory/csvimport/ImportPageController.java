package io.aftercare.directory.csvimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/** Uploading a CSV file of people: all or nothing, with every problem listed by line. */
@Controller
class ImportPageController {

    static final String VIEW = "directory/people/import";

    private final PeopleImport importer;

    ImportPageController(PeopleImport importer) {
        this.importer = importer;
    }

    @GetMapping("/people/import")
    @PreAuthorize("hasRole('ADMIN')")
    String show(Model model) {
        model.addAttribute("columns", PeopleImport.COLUMNS);
        return VIEW;
    }

    @PostMapping("/people/import")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        model.addAttribute("columns", PeopleImport.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
            return VIEW;
        }
        try {
            var result = importer.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), me.personId());
            redirect.addFlashAttribute("imported", result.imported());
            redirect.addFlashAttribute("teamsCreated", result.teamsCreated());
            return "redirect:/people/import";
        } catch (DomainException.InvalidLines | DomainException.Invalid | DomainException.Conflict e) {
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("problems", PeopleImport.errorsOf(e));
            return VIEW;
        }
    }
}
