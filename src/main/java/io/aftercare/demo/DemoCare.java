package io.aftercare.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.aftercare.care.CareHistory.PastAnswer;
import io.aftercare.care.CareHistory.PastAnswers;
import io.aftercare.directory.PersonRef;
import io.aftercare.incidents.IncidentView;

/**
 * What the demo people said in their check-ins and follow-ups: made up, but shaped like real answers. Some people
 * answer nearly everything (the admin, Sam, Priya, Aisha), the others mostly click “I'm fine, thanks”. The admin's
 * and Sam's answers come down over the months, Priya's go up lately, so their charts have something to read. After
 * Checkout's big incident of each month nearly everyone answers the check-in, so that its lead's team dashboard has
 * figures to show.
 */
final class DemoCare {

    /**
     * How one person answers.
     *
     * @param answers how often they answer a step at all (0 to 1)
     * @param full    how often an answer is a full one rather than “I'm fine, thanks”
     * @param from    their usual level (1 to 5) three months ago
     * @param to      their usual level now
     * @param notes   whether they sometimes write a note
     */
    private record Habit(double answers, double full, double from, double to, boolean notes) {
    }

    private static final Habit QUIET = new Habit(0.6, 0.2, 2.0, 2.0, false);

    private static final Map<String, Habit> HABITS = Map.of(
        "sam", new Habit(0.95, 0.9, 3.6, 2.2, true),
        "priya", new Habit(1.0, 1.0, 1.0, 4.6, true),
        "aisha", new Habit(0.85, 0.8, 2.6, 2.4, false),
        "jonas", new Habit(0.7, 0.5, 2.4, 2.0, false),
        // Checkout's newer people: some take big incidents harder than others
        "elif", new Habit(0.8, 0.7, 3.0, 2.8, false),
        "marta", new Habit(0.7, 0.6, 2.0, 2.2, false),
        "ben", new Habit(0.75, 0.6, 2.8, 3.2, false),
        "ana", new Habit(0.8, 0.7, 2.2, 2.0, false));

    private static final Habit ADMIN = new Habit(1.0, 1.0, 3.8, 2.0, true);

    private static final List<String> NOTES = List.of(
        "Kept replaying the failover on the way home.",
        "Slept badly, but talking it through in the review helped.",
        "Tired more than anything.",
        "Felt I should have spotted the alert sooner.",
        "Better today. Went for a long walk.",
        "Glad the team was there at 3 a.m.");

    private static final List<String> ITEMS = List.of("rumination1", "rumination2", "rumination3", "selfCriticism1",
        "selfCriticism2", "concernOverMistakes1", "concernOverMistakes2");

    /**
     * Priya answers her own incidents in full, but after a big one the whole team was in she says she is fine: her
     * trend is read from the incidents she had on call (see DemoOrganisationIT).
     */
    private static final Set<String> FINE_AFTER_BIG_ONES = Set.of("priya");

    /**
     * Checkout people who ask for a peer supporter in their check-in after a big incident the whole team was in
     * (and get one: see DemoOrganisation), with the hours from the case opening to the supporter's first contact.
     * Three within a day, two more within three days: enough people for the lead's outreach figures to be shown.
     */
    private static final Map<String, Integer> ASK_FOR_A_SUPPORTER_AFTER_BIG_ONES = Map.of("aisha", 6, "elif", 8, "ben", 22,
        "marta", 31, "jonas", 50);

    private final Map<UUID, Habit> habits = new HashMap<>();
    private final Set<UUID> askForASupporter = new HashSet<>();
    /** The outreach each person asked for in the check-ins answered since {@link #checkInsAnswered} was last read. */
    private final Map<UUID, String> wishes = new HashMap<>();
    private final Set<UUID> fineAfterBigOnes = new HashSet<>();
    private final Random random = new Random(7);
    private final Instant now;
    private final Instant start;

    private final Map<String, PersonRef> byLogin;

    DemoCare(UUID admin, Map<String, PersonRef> byLogin, Instant now) {
        this.byLogin = byLogin;
        byLogin.forEach((login, person) -> habits.put(person.id(), HABITS.getOrDefault(login, QUIET)));
        FINE_AFTER_BIG_ONES.forEach(login -> fineAfterBigOnes.add(byLogin.get(login).id()));
        ASK_FOR_A_SUPPORTER_AFTER_BIG_ONES.keySet().forEach(login -> askForASupporter.add(byLogin.get(login).id()));
        if (admin != null) {
            habits.put(admin, ADMIN);
        }
        this.now = now;
        this.start = now.minus(Duration.ofDays(100));
    }

    /** The answers after one incident: each person's level at the time, a little higher early on. */
    PastAnswers after(IncidentView incident) {
        double severity = (3 - incident.severity().ordinal()) * 0.2;
        return (personId, kind, day) -> remembered(personId, kind,
            answer(personId, kind, day, incident.resolvedAt(), severity));
    }

    /**
     * Who had a check-in due in the incidents given since the last call, each with the outreach they asked for
     * ({@code null} when they did not answer or said they were fine): peer support's record of their cases.
     */
    Map<UUID, String> checkInsAnswered() {
        Map<UUID, String> answered = new HashMap<>(wishes);
        wishes.clear();
        return answered;
    }

    /**
     * Hours from the case opening to a peer supporter's first contact, for a demo person who asks for one after a
     * big incident; empty for everyone else.
     */
    Optional<Integer> supporterContactAfterBigOnes(UUID personId) {
        return byLogin.entrySet().stream().filter(e -> e.getValue().id().equals(personId)).findFirst()
            .map(e -> ASK_FOR_A_SUPPORTER_AFTER_BIG_ONES.get(e.getKey()));
    }

    UUID id(String login) {
        return byLogin.get(login).id();
    }

    private Optional<PastAnswer> remembered(UUID personId, String kind, Optional<PastAnswer> answer) {
        if (kind.equals("CHECK_IN")) {
            wishes.put(personId, answer.map(PastAnswer::outreach).orElse(null));
        }
        return answer;
    }

    /**
     * The answers after a big incident the whole team was in: everyone answers the check-in in full (after a night
     * like that, people do); the follow-ups as after any other incident.
     */
    PastAnswers afterAllHands(IncidentView incident) {
        double severity = (3 - incident.severity().ordinal()) * 0.2;
        return (personId, kind, day) -> remembered(personId, kind, !kind.equals("CHECK_IN")
            ? answer(personId, kind, day, incident.resolvedAt(), severity)
            : fineAfterBigOnes.contains(personId)
            ? Optional.of(PastAnswer.quick("FINE", Duration.ofMinutes(40)))
            : Optional.of(askingForASupporter(personId,
                checkIn(habits.getOrDefault(personId, QUIET), incident.resolvedAt(), severity, 0.5))));
    }

    /** The same answer, asking for a peer supporter, for those who do after a big one. */
    private PastAnswer askingForASupporter(UUID personId, PastAnswer answer) {
        return askForASupporter.contains(personId)
            ? PastAnswer.checkIn(answer.stress(), answer.effects(), "PEER_SUPPORTER", answer.note(), answer.after())
            : answer;
    }

    /** The admin's own case of this morning: answered the check-in half an hour after opening it. */
    PastAnswers forSelfOpened() {
        return (personId, kind, day) -> kind.equals("CHECK_IN")
            ? Optional.of(PastAnswer.checkIn(3, List.of("SLEEPING_DIFFICULTIES"), "NOBODY",
                "Long on-call week. Just want to keep an eye on myself.", Duration.ofMinutes(30)))
            : Optional.empty();
    }

    private Optional<PastAnswer> answer(UUID personId, String kind, int day, Instant resolvedAt, double severity) {
        Habit habit = habits.getOrDefault(personId, QUIET);
        double r = random.nextDouble();
        if (r > habit.answers()) {
            return Optional.empty();
        }
        // higher right after an incident, lower a month on
        double early = day == 0 ? 0.5 : day <= 1 ? 0.4 : day <= 7 ? 0.1 : -0.3;
        double level = level(habit, resolvedAt) + early + severity;
        Duration after = Duration.ofMinutes(kind.equals("CHECK_IN") ? 20 + random.nextInt(120)
            : 30 + random.nextInt(270));
        if (random.nextDouble() > habit.full()) {
            return Optional.of(PastAnswer.quick("FINE", after));
        }
        String note = habit.notes() && random.nextDouble() < 0.3 ? NOTES.get(random.nextInt(NOTES.size())) : null;
        if (kind.equals("CHECK_IN")) {
            return Optional.of(checkIn(level, note, after));
        }
        Map<String, Integer> items = new LinkedHashMap<>();
        for (String item : ITEMS) {
            double offset = item.startsWith("rumination") ? 0.3 : item.startsWith("selfCriticism") ? -0.2 : -0.4;
            items.put(item, scale(level + offset));
        }
        return Optional.of(PastAnswer.followUp(items, note, after));
    }

    private PastAnswer checkIn(Habit habit, Instant resolvedAt, double severity, double early) {
        String note = habit.notes() && random.nextDouble() < 0.3 ? NOTES.get(random.nextInt(NOTES.size())) : null;
        return checkIn(level(habit, resolvedAt) + early + severity, note,
            Duration.ofMinutes(20 + random.nextInt(120)));
    }

    private PastAnswer checkIn(double level, String note, Duration after) {
        int stress = scale(level);
        List<String> effects = stress >= 4 ? List.of("SLEEPING_DIFFICULTIES", "ANXIETY_ABOUT_NEXT_INCIDENT")
            : stress == 3 ? List.of("SLEEPING_DIFFICULTIES") : List.of("NONE");
        String outreach = stress >= 4 && random.nextBoolean() ? "TEAMMATE" : "NOBODY";
        return PastAnswer.checkIn(stress, effects, outreach, note, after);
    }

    /** Where someone's answers were at the time, between their level three months ago and now. */
    private double level(Habit habit, Instant resolvedAt) {
        double progress = Math.min(1.0, Math.max(0.0,
            Duration.between(start, resolvedAt).toHours() / (double) Duration.between(start, now).toHours()));
        return habit.from() + (habit.to() - habit.from()) * progress;
    }

    private int scale(double level) {
        long value = Math.round(level + random.nextGaussian() * 0.4);
        return (int) Math.max(1, Math.min(5, value));
    }
}
