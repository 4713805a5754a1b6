package io.aftercare.identity.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.AuditLog;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.Problems.FieldError;

/** The admins' page of the audit log: filter by action, actor and days; 50 entries a page; check the chain. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AuditRows rows;

    AuditPageController(AuditLog audit, AuditRows rows) {
        this.audit = audit;
        this.rows = rows;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
                Model model) {
        List<FieldError> parsed = new ArrayList<>();
        LocalDate first = AuditApiController.date("from", from, parsed);
        LocalDate last = AuditApiController.date("to", to, parsed);
        Map<String, String> errors = new LinkedHashMap<>();
        parsed.forEach(e -> errors.put(e.field(), "audit.filter.dateInvalid"));
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", "audit.filter.toBeforeFrom");
            last = null;
        }
        int p = Math.max(0, page);
        var entries = audit.search(new AuditLog.Filter(action, actor, first, last), new PageRequest(p, PAGE_SIZE));
        model.addAttribute("entries", entries);
        model.addAttribute("rows", rows.rows(entries.items()));
        model.addAttribute("actions", rows.actions(audit.actions()));
        model.addAttribute("filter", Map.of("action", action, "actor", actor, "from", from, "to", to));
        model.addAttribute("errors", errors);
        model.addAttribute("hasPrevious", p > 0);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < entries.total());
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        return "identity/audit";
    }
}
