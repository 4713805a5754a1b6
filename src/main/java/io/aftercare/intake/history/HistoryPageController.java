package io.aftercare.intake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/** Admin pages for importing past incidents: upload a file, watch it being checked and written, read the result. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class HistoryPageController {

    static final String UPLOAD = "intake/history";
    static final String JOB = "intake/history-job";
    /** Problems listed on the page; the API lists them all. */
    static final int SHOWN_PROBLEMS = 1000;

    private final HistoryImports imports;
    private final MessageSource messages;

    HistoryPageController(HistoryImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/integrations/history")
    String show(Model model) {
        model.addAttribute("columns", HistoryCsv.COLUMNS);
        model.addAttribute("jobs", imports.recent());
        return UPLOAD;
    }

    @PostMapping("/integrations/history")
    String upload(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) MultipartFile file,
                  Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
            return show(model);
        }
        var job = imports.start(file.getOriginalFilename(), new String(file.getBytes(), StandardCharsets.UTF_8),
            me.personId());
        return "redirect:/integrations/history/" + job.id();
    }

    @GetMapping("/integrations/history/{id}")
    String job(@PathVariable UUID id, Model model) {
        var job = imports.find(id).orElseThrow(() -> DomainException.notFound("The import"));
        // The worker moves the job along while the page renders: read the phase once, before what it guards (the
        // worker sets the problems and the result before the phase), and render from that.
        var phase = job.phase();
        model.addAttribute("job", job);
        model.addAttribute("phase", phase.name());
        model.addAttribute("finished", phase.finished());
        model.addAttribute("problems", job.errors().subList(0, Math.min(job.errors().size(), SHOWN_PROBLEMS)));
        model.addAttribute("moreProblems", Math.max(0, job.errors().size() - SHOWN_PROBLEMS));
        model.addAttribute("badLines", job.errors().stream().map(HistoryCsv.LineError::line).distinct().count());
        return JOB;
    }

    /** For the progress bar's script: where the import is, in numbers only. */
    @GetMapping(path = "/integrations/history/{id}/status", produces = "application/json")
    @ResponseBody
    Map<String, Object> status(@PathVariable UUID id, Locale locale) {
        var job = imports.find(id).orElseThrow(() -> DomainException.notFound("The import"));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", job.phase().name());
        status.put("finished", job.phase().finished());
        status.put("percent", job.percent());
        status.put("checked", job.checked());
        status.put("written", job.written());
        status.put("total", job.total());
        status.put("label", messages.getMessage("history.phase." + job.phase().name(), null, locale));
        status.put("text", messages.getMessage("history.progress",
            new Object[] {job.percent(), job.checked(), job.written(), job.total()}, locale));
        return status;
    }
}
