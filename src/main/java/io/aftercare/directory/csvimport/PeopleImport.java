package io.aftercare.directory.csvimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.csvimport.PeopleCsv.Row;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.person.PersonRules;
import io.aftercare.directory.person.PersonService;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.shared.DomainException;

/**
 * Imports people and their teams from CSV (columns in docs/directory-import.md), all or nothing: a file with any
 * bad row imports nobody, and every bad row is reported with its line number. Reading and checking the file is
 * {@link PeopleCsv}'s; this class writes a file that passed.
 */
@Service
public class PeopleImport {

    public static final List<String> COLUMNS = List.of("name", "email", "timeZone", "quietStart", "quietEnd",
        "weekendDays", "teams", "lead", "manager", "roles", "pagerduty", "opsgenie", "slack", "incidentio");
    static final List<String> PROVIDERS = List.of("pagerduty", "opsgenie", "slack", "incidentio");
    static final int MAX_ROWS = 5000;

    private final PeopleCsv csv;
    private final PersonService personService;
    private final PersonRepository people;
    private final TeamRepository teams;

    PeopleImport(PeopleCsv csv, PersonService personService, PersonRepository people, TeamRepository teams) {
        this.csv = csv;
        this.personService = personService;
        this.people = people;
        this.teams = teams;
    }

    /** A problem with one line of the file (line 1 is the header). */
    public record LineError(long line, String message) {
    }

    /** What an import did. */
    public record Result(int imported, List<String> teamsCreated) {
    }

    /**
     * @throws DomainException.InvalidLines listing every problem by line; then nothing was written
     */
    @Transactional
    public Result importCsv(String text, UUID actorId) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = csv.parse(text == null ? "" : text, errors);
        if (!errors.isEmpty()) {
            throw problem(errors);
        }
        Map<String, UUID> teamIds = new HashMap<>();
        List<String> created = new ArrayList<>();
        for (Row row : rows) {
            for (String name : row.teamNames()) {
                String key = TeamRepository.normalize(name);
                if (!teamIds.containsKey(key)) {
                    UUID id = teams.findByName(name).map(t -> t.id()).orElse(null);
                    if (id == null) {
                        id = UUID.randomUUID();
                        teams.insert(id, name);
                        created.add(name.trim());
                    }
                    teamIds.put(key, id);
                }
            }
        }
        Map<String, UUID> idsByEmail = new HashMap<>();
        for (Row row : rows) {
            NewPerson p = row.person();
            List<UUID> teamList = row.teamNames().stream().map(n -> teamIds.get(TeamRepository.normalize(n)))
                .distinct().toList();
            PersonRef person = personService.create(new NewPerson(p.name(), p.email(), p.timeZone(), p.quietStart(),
                p.quietEnd(), p.weekendDays(), p.externalIdentities(), null, p.roles(), teamList, null), actorId);
            idsByEmail.put(PersonRules.normalizeEmail(p.email()), person.id());
            if (row.lead()) {
                teamList.forEach(team -> teams.addMember(team, person.id(), true));
            }
        }
        for (Row row : rows) {
            if (row.managerEmail() != null) {
                String key = PersonRules.normalizeEmail(row.managerEmail());
                UUID manager = idsByEmail.containsKey(key) ? idsByEmail.get(key)
                    : people.findByEmail(key).map(PersonRef::id).orElseThrow();
                people.setManager(idsByEmail.get(PersonRules.normalizeEmail(row.person().email())), manager);
            }
        }
        return new Result(rows.size(), created);
    }

    static DomainException.InvalidLines problem(List<LineError> errors) {
        return DomainException.invalidLines(errors.stream()
            .map(e -> new DomainException.LineError(e.line(), e.message())).toList());
    }

    /** The line errors of a failed import, for the page; a refusal of the whole file is one error on line 1. */
    public static List<LineError> errorsOf(DomainException e) {
        if (e instanceof DomainException.InvalidLines invalid) {
            return invalid.lines().stream().map(l -> new LineError(l.line(), l.message())).toList();
        }
        return List.of(new LineError(1, e.getMessage()));
    }
}
