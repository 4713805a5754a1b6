package io.aftercare.incidents.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;

/** The people and teams to choose from in the incident forms, from the directory's API. */
@Component
class DirectoryLists {

    /** Enough for a select; a bigger organisation needs a search box (and a directory search API) instead. */
    static final int LIMIT = 2000;

    record Option(UUID id, String label) {
    }

    private final Directory directory;

    DirectoryLists(Directory directory) {
        this.directory = directory;
    }

    List<Option> people() {
        return directory.everyone(LIMIT).stream()
            .map(p -> new Option(p.id(), p.name() + " (" + p.email() + ")"))
            .toList();
    }

    List<Option> teams() {
        return directory.allTeams(LIMIT).stream().map(t -> new Option(t.id(), t.name())).toList();
    }
}
