package io.aftercare.directory.csvimport;

import static io.aftercare.directory.csvimport.PeopleImport.COLUMNS;
import static io.aftercare.directory.csvimport.PeopleImport.MAX_ROWS;
import static io.aftercare.directory.csvimport.PeopleImport.PROVIDERS;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.csvimport.PeopleImport.LineError;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.person.PersonRules;
import io.aftercare.identity.Role;
import io.aftercare.shared.CsvReader;
import io.aftercare.shared.Problems.FieldError;

/**
 * Reads and checks a people CSV for {@link PeopleImport}: the header, every row by the directory's own rules, e-mail
 * addresses and tool ids that repeat in the file or already belong to someone, and managers that exist. Every
 * problem is one line error; a file with any is not written.
 */
@Component
class PeopleCsv {

    /** A checked row, ready to be written. */
    record Row(long line, NewPerson person, List<String> teamNames, boolean lead, String managerEmail) {
    }

    private final PersonRepository people;

    PeopleCsv(PersonRepository people) {
        this.people = people;
    }

    List<Row> parse(String text, List<LineError> errors) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> emails = new HashMap<>();
        Map<String, Long> identities = new HashMap<>();
        Map<String, Integer> header = new HashMap<>();
        CsvReader.Outcome outcome = CsvReader.read(text, MAX_ROWS, new CsvReader.Handler() {
            @Override
            public boolean header(CsvReader.Line line) {
                header.putAll(PeopleCsv.header(line, errors));
                return errors.isEmpty();
            }

            @Override
            public void row(CsvReader.Line line) {
                PeopleCsv.this.row(line, header, emails, identities, errors).ifPresent(rows::add);
            }
        });
        if (outcome.stop() != null) {
            switch (outcome.stop()) {
                case EMPTY -> errors.add(new LineError(1, "The file is empty. Its first line names the columns, "
                    + "for example: " + String.join(",", COLUMNS)));
                case UNREADABLE_LINE -> errors.add(new LineError(outcome.line(),
                    "This line cannot be read as CSV (check its quotes)."));
                case TOO_MANY_ROWS -> errors.add(new LineError(outcome.line(), "A file may have at most " + MAX_ROWS
                    + " people. Split it into smaller files."));
                case UNREADABLE_FILE -> errors.add(new LineError(1,
                    "The file cannot be read as CSV (check its quotes)."));
                case HEADER -> {
                    // the header's problems are in errors already
                }
            }
            if (outcome.stop() == CsvReader.Stop.EMPTY || outcome.stop() == CsvReader.Stop.HEADER) {
                return rows;
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new LineError(1, "The file has a header line but nobody in it."));
        }
        checkManagers(rows, emails, errors);
        errors.sort(java.util.Comparator.comparingLong(LineError::line));
        return rows;
    }

    private static Map<String, Integer> header(CsvReader.Line record, List<LineError> errors) {
        long line = record.number();
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = known.get(record.get(i).trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new LineError(line, "Unknown column \"" + record.get(i) + "\". The columns are: "
                    + String.join(",", COLUMNS) + "."));
            } else if (header.put(column, i) != null) {
                errors.add(new LineError(line, "The column " + column + " appears twice."));
            }
        }
        for (String required : List.of("name", "email")) {
            if (!header.containsKey(required)) {
                errors.add(new LineError(line, "The column " + required + " is missing."));
            }
        }
        return header;
    }

    private java.util.Optional<Row> row(CsvReader.Line record, Map<String, Integer> header,
                                        Map<String, Long> emails, Map<String, Long> identitiesSeen,
                                        List<LineError> errors) {
        long line = record.number();
        int before = errors.size();
        if (record.size() > header.size()) {
            errors.add(new LineError(line, "This line has " + record.size() + " values but the header names "
                + header.size() + " columns."));
            return java.util.Optional.empty();
        }
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = value(record, header, "name");
        String email = value(record, header, "email");
        PersonRules.checkName(name, fieldErrors);
        PersonRules.checkEmail(email, fieldErrors);
        String timeZone = value(record, header, "timeZone");
        PersonRules.zone(timeZone, fieldErrors);
        LocalTime quietStart = time(value(record, header, "quietStart"), "quietStart", fieldErrors);
        LocalTime quietEnd = time(value(record, header, "quietEnd"), "quietEnd", fieldErrors);
        Set<DayOfWeek> weekend = null;
        if (!value(record, header, "weekendDays").isEmpty()) {
            weekend = EnumSet.noneOf(DayOfWeek.class);
            for (String day : split(value(record, header, "weekendDays"))) {
                try {
                    weekend.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    fieldErrors.add(new FieldError("weekendDays", "has \"" + day + "\", which is not a day of the week"));
                }
            }
        }
        Set<Role> roles = EnumSet.of(Role.RESPONDER);
        for (String role : split(value(record, header, "roles"))) {
            Role.parse(role).ifPresentOrElse(roles::add,
                () -> fieldErrors.add(new FieldError("roles", "has \"" + role + "\", which is not one of "
                    + List.of(Role.values()))));
        }
        List<String> teamNames = split(value(record, header, "teams"));
        for (String team : teamNames) {
            if (team.length() > 200) {
                fieldErrors.add(new FieldError("teams", "has a team name longer than 200 characters"));
            }
        }
        boolean lead = false;
        String leadValue = value(record, header, "lead").toLowerCase(Locale.ROOT);
        switch (leadValue) {
            case "", "no", "n", "false", "0" -> lead = false;
            case "yes", "y", "true", "1" -> lead = true;
            default -> fieldErrors.add(new FieldError("lead", "must be yes or no"));
        }
        if (lead && teamNames.isEmpty()) {
            fieldErrors.add(new FieldError("lead", "is yes but the teams column is empty"));
        }
        Map<String, String> identities = new LinkedHashMap<>();
        for (String provider : PROVIDERS) {
            String id = value(record, header, provider);
            if (!id.isEmpty()) {
                identities.put(provider, id);
            }
        }
        PersonRules.checkIdentities(identities, fieldErrors);
        String manager = value(record, header, "manager");
        if (!manager.isEmpty()) {
            PersonRules.checkEmail(manager, new ArrayList<>());
        }
        fieldErrors.forEach(f -> errors.add(new LineError(line, f.field() + " " + f.message() + ".")));

        if (email != null && !email.isBlank()) {
            String key = PersonRules.normalizeEmail(email);
            Long earlier = emails.putIfAbsent(key, line);
            if (earlier != null) {
                errors.add(new LineError(line, "email " + email + " is already on line " + earlier + "."));
            } else if (people.emailTaken(email, null)) {
                errors.add(new LineError(line, "email " + email + " already belongs to someone in Aftercare."));
            }
            if (!manager.isEmpty() && PersonRules.normalizeEmail(manager).equals(key)) {
                errors.add(new LineError(line, "manager cannot be the person themselves."));
            }
        }
        identities.forEach((provider, id) -> {
            Long earlier = identitiesSeen.putIfAbsent(provider + "\u0000" + id, line);
            if (earlier != null) {
                errors.add(new LineError(line, provider + " id " + id + " is already on line " + earlier + "."));
            }
        });
        if (fieldErrors.isEmpty()) {
            people.identitiesTaken(identities, null).forEach((provider, id) -> errors.add(
                new LineError(line, provider + " id " + id + " already belongs to someone in Aftercare.")));
        }
        if (errors.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Row(line, new NewPerson(name, email, timeZone, quietStart, quietEnd, weekend,
            identities, null, roles, List.of(), null), teamNames, lead, manager.isEmpty() ? null : manager));
    }

    private void checkManagers(List<Row> rows, Map<String, Long> emails, List<LineError> errors) {
        for (Row row : rows) {
            if (row.managerEmail() != null) {
                String key = PersonRules.normalizeEmail(row.managerEmail());
                if (!emails.containsKey(key) && people.findByEmail(key).isEmpty()) {
                    errors.add(new LineError(row.line(), "manager " + row.managerEmail()
                        + " is neither in this file nor in Aftercare."));
                }
            }
        }
    }

    private static String value(CsvReader.Line record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size() || record.get(index) == null) {
            return "";
        }
        return record.get(index).trim();
    }

    private static List<String> split(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
            .toList();
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (java.time.DateTimeException e) {
            errors.add(new FieldError(field, "is not a time like 21:00"));
            return null;
        }
    }
}
