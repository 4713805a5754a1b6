package io.aftercare.directory.setup;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import io.aftercare.shared.GettingStartedSteps;
import io.aftercare.shared.GettingStartedSteps.Step;

/**
 * The admin's getting-started checklist: every module's steps in order, each ticked from what is there now. Nothing
 * is stored: a step undone (the only integration deleted) shows as open again.
 */
@Service
public class GettingStarted {

    private final List<GettingStartedSteps> modules;

    GettingStarted(List<GettingStartedSteps> modules) {
        this.modules = modules;
    }

    /** The steps, in order. */
    public List<Step> steps() {
        return modules.stream().flatMap(m -> m.steps().stream()).sorted(Comparator.comparingInt(Step::order))
            .toList();
    }

    /** Whether every step is done. */
    public boolean done() {
        return steps().stream().allMatch(Step::done);
    }
}
