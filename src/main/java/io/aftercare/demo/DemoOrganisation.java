package io.aftercare.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareHistory;
import io.aftercare.care.CareHistory.PastCase;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.Directory;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.Organisation;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.Role;
import io.aftercare.incidents.Deploys;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewDeploy;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.peersupport.SupportHistory;
import io.aftercare.recovery.RecoveryHistory;
import io.aftercare.polls.TalkPoll;

/**
 * Builds the demo organisation: four teams in many time zones, weekly rotations, about three months of incidents
 * with their responders (and early in each month a big one all of Checkout was in, so that its lead's team
 * dashboard has figures), and the peer support programme around them (roster, resources, past requests). Everything
 * is made up; the same seed gives the same organisation.
 */
@Service
public class DemoOrganisation {

    /** Every demo person signs in with this password. */
    public static final String PASSWORD = "aftercare-demo";
    public static final String DOMAIN = "@demo.aftercare.test";
    public static final String ADMIN_EMAIL = "admin" + DOMAIN;

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private record Someone(String name, String login, String zone, Set<Role> roles, String pagerduty) {
    }

    private static final List<Someone> PEOPLE = List.of(
        new Someone("Sam Rivera", "sam", "Europe/Berlin", EnumSet.of(Role.LEAD), "PSAM001"),
        new Someone("Priya Natarajan", "priya", "Asia/Kolkata", EnumSet.noneOf(Role.class), "PPRI002"),
        new Someone("Jonas Weber", "jonas", "Europe/Berlin", EnumSet.of(Role.SUPPORTER), "PJON003"),
        new Someone("Aisha Bello", "aisha", "Europe/London", EnumSet.of(Role.SUPPORTER), "PAIS004"),
        new Someone("Mei Chen", "mei", "America/Los_Angeles", EnumSet.of(Role.LEAD), "PMEI005"),
        new Someone("Diego Alvarez", "diego", "America/New_York", EnumSet.noneOf(Role.class), "PDIE006"),
        new Someone("Hannah Kowalski", "hannah", "Europe/Berlin", EnumSet.of(Role.SUPPORTER), "PHAN007"),
        new Someone("Tomás Silva", "tomas", "Europe/Lisbon", EnumSet.noneOf(Role.class), "PTOM008"),
        new Someone("Grace Okafor", "grace", "Europe/London", EnumSet.of(Role.LEAD), "PGRA009"),
        new Someone("Ravi Menon", "ravi", "Asia/Kolkata", EnumSet.noneOf(Role.class), "PRAV010"),
        new Someone("Lena Fischer", "lena", "Europe/Berlin", EnumSet.of(Role.COORDINATOR), "PLEN011"),
        new Someone("Noah Brooks", "noah", "America/New_York", EnumSet.of(Role.SUPPORTER), "PNOA012"),
        // the data team: not on call for the incidents below, but in the programme (support, health figures)
        new Someone("Yusuf Khan", "yusuf", "Asia/Dubai", EnumSet.of(Role.LEAD), "PYUS013"),
        new Someone("Olivia Martin", "olivia", "Europe/Paris", EnumSet.noneOf(Role.class), "POLI014"),
        new Someone("Kenji Sato", "kenji", "Asia/Tokyo", EnumSet.of(Role.SUPPORTER), "PKEN015"),
        new Someone("Fatima Zahra", "fatima", "Africa/Casablanca", EnumSet.noneOf(Role.class), "PFAT016"),
        new Someone("Lucas Moreau", "lucas", "Europe/Paris", EnumSet.noneOf(Role.class), "PLUC017"),
        new Someone("Sofia Rossi", "sofia", "Europe/Rome", EnumSet.noneOf(Role.class), "PSOF018"),
        // Checkout grew this year: with nine people it is big enough for its lead to see the team's figures (the
        // rule set needs five people besides the lead), newest four not yet on call
        new Someone("Elif Demir", "elif", "Europe/Istanbul", EnumSet.noneOf(Role.class), "PELI019"),
        new Someone("Marta Nowak", "marta", "Europe/Warsaw", EnumSet.noneOf(Role.class), "PMAR020"),
        new Someone("Ben Carter", "ben", "Europe/Dublin", EnumSet.noneOf(Role.class), "PBEN021"),
        new Someone("Ana Costa", "ana", "Europe/Lisbon", EnumSet.noneOf(Role.class), "PANA022"));

    /** Supporters on the roster, with the languages they offer. */
    private static final Map<String, List<String>> ROSTER = Map.of("jonas", List.of("de", "en"),
        "hannah", List.of("pl", "de", "en"), "noah", List.of("en", "es"), "aisha", List.of("en", "yo"),
        "kenji", List.of("ja", "en"));

    /** People who asked for a supporter in past months, in turn (never a supporter, never the coordinator). */
    private static final List<String> ASKERS = List.of("sam", "priya", "mei", "diego", "tomas", "grace", "ravi",
        "yusuf", "olivia", "fatima", "lucas", "sofia");

    private static final List<String> TITLES = List.of(
        "Checkout returns 502 for a third of requests", "Payment confirmations delayed by 20 minutes",
        "Search index stale after deploy", "Login failures for SSO customers", "Database primary failover",
        "Card authorisations timing out", "Queue backlog in order processing", "CDN certificate expired",
        "Elevated error rate on the mobile API", "Disk full on the logging cluster",
        "Memory leak in the pricing service", "DNS resolution failures in one region");

    /** Supporters of other teams than Checkout, for its people's requests after a big incident. */
    private static final List<String> OUTSIDE_CHECKOUT_SUPPORTERS = List.of("hannah", "noah", "kenji");

    /** Checkout's newest four: in the team, not yet on its rotation. */
    private static final List<String> CHECKOUT_SHADOWING = List.of("elif", "marta", "ben", "ana");

    /** Checkout's big incident of a month, by the month's number. */
    private static final List<String> ALL_HANDS = List.of("Checkout down for every customer for an hour",
        "Orders paid for but never created", "Checkout pages timing out at the lunchtime peak",
        "Basket emptied for every customer after a cache flush");

    private final People people;
    private final Organisation organisation;
    private final Directory directory;
    private final Incidents incidents;
    private final CareHistory care;
    private final SupportHistory support;
    private final Deploys deploys;
    private final RecoveryHistory recovery;
    private final TalkPoll talkPoll;
    private final Clock clock;

    DemoOrganisation(People people, Organisation organisation, Directory directory, Incidents incidents,
                     CareHistory care, SupportHistory support, Deploys deploys, RecoveryHistory recovery,
                     TalkPoll talkPoll, Clock clock) {
        this.deploys = deploys;
        this.recovery = recovery;
        this.support = support;
        this.talkPoll = talkPoll;
        this.people = people;
        this.organisation = organisation;
        this.directory = directory;
        this.incidents = incidents;
        this.care = care;
        this.clock = clock;
    }

    public boolean loaded() {
        return directory.personByEmail("sam" + DOMAIN).isPresent();
    }

    /**
     * Loads the demo organisation unless it is there already.
     *
     * @param withAdmin also create the demo admin account (for {@code --demo} on an empty database)
     */
    @Transactional
    public void load(boolean withAdmin) {
        load(withAdmin, null);
    }

    /**
     * @param adminId the admin who asked for the demo (first-run screen), who then takes part in some incidents
     *                and has care history of their own; {@code null} for the demo admin
     */
    @Transactional
    public void load(boolean withAdmin, UUID adminId) {
        if (loaded()) {
            return;
        }
        UUID admin = adminId;
        if (withAdmin) {
            admin = directory.personByEmail(ADMIN_EMAIL).map(PersonRef::id).orElseGet(() -> people.create(
                NewPerson.of("Demo Admin", ADMIN_EMAIL, "Europe/Berlin", EnumSet.of(Role.ADMIN, Role.COORDINATOR),
                    PASSWORD), null).id());
        }
        Map<String, PersonRef> byLogin = new LinkedHashMap<>();
        for (Someone s : PEOPLE) {
            Set<Role> roles = EnumSet.of(Role.RESPONDER);
            roles.addAll(s.roles());
            PersonRef p = people.create(new NewPerson(s.name(), s.login() + DOMAIN, s.zone(), null, null,
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of("pagerduty", s.pagerduty()), null, roles,
                List.of(), PASSWORD), null);
            byLogin.put(s.login(), p);
        }
        LocalDate start = LocalDate.now(clock).minusMonths(4).with(DayOfWeek.MONDAY);
        // Checkout's four newest are in the team but not yet on its rotation: they join in when the whole team does
        TeamRef checkout = team("Checkout", byLogin, List.of("sam"), List.of("priya", "jonas", "aisha", "tomas"),
            CHECKOUT_SHADOWING, start, "Europe/Berlin");
        TeamRef payments = team("Payments", byLogin, List.of("mei"), List.of("diego", "noah", "hannah"), start,
            "America/New_York");
        TeamRef platform = team("Platform", byLogin, List.of("grace"), List.of("ravi", "lena", "hannah"), start,
            "Europe/London");
        TeamRef data = team("Data", byLogin, List.of("yusuf"), List.of("olivia", "kenji", "fatima", "lucas", "sofia"),
            start, "Europe/Paris");
        DemoCare answers = new DemoCare(admin, byLogin, clock.instant());
        incidents(List.of(checkout, payments, platform), CHECKOUT_SHADOWING.stream().map(l -> byLogin.get(l).id())
            .toList(), admin, answers, start);
        deploys(List.of(checkout, payments, platform));
        UUID selfCase = null;
        if (admin != null) {
            // a case the admin opened for themselves this morning and answered: checked in, follow-ups to come
            selfCase = care.openedForSelfInThePast(admin, clock.instant().minus(Duration.ofHours(5)),
                answers.forSelfOpened());
        }
        recoveryTools(admin, selfCase, byLogin);
        peerSupport(byLogin, List.of(checkout, payments, platform, data));
        // the talk's straw poll of 40 engineers, closed a few days ago: its results page works on the first run
        talkPoll.loadClosed(admin, LocalDate.now(clock).minusDays(3));
        log.info("Loaded the demo organisation: {} people, 4 teams. Demo people sign in with the password '{}'.",
            PEOPLE.size(), PASSWORD);
    }

    /**
     * The programme around the people: supporters on the roster, resources for the countries the demo people live
     * in, months of past requests (about nine a month from twelve different people, so that programme health has
     * at least five people in each figure of a closed month) and one request waiting now.
     */
    private void peerSupport(Map<String, PersonRef> byLogin, List<TeamRef> teams) {
        ROSTER.forEach((login, languages) -> support.onRoster(byLogin.get(login).id(), languages));
        support.resource("Everywhere", "en", "EAP", "Employee assistance programme",
            "Free, confidential counselling for you and the people you live with, day and night, paid by the company.",
            "eap@demo.aftercare.test", "");
        support.resource("Everywhere", "en", "COUNSELLING", "Counselling sessions",
            "Up to six sessions a year with a counsellor of your choosing. Nobody at work is told who uses them.",
            "people-team@demo.aftercare.test", "");
        support.resource("Germany", "de", "CRISIS", "TelefonSeelsorge", "Anonymous and free, around the clock.",
            "0800 111 0 111", "https://www.telefonseelsorge.de");
        support.resource("United Kingdom", "en", "CRISIS", "Samaritans", "Free, any time, about anything.",
            "116 123", "https://www.samaritans.org");
        support.resource("United States", "en", "CRISIS", "988 Suicide & Crisis Lifeline", "Call or text, any time.",
            "988", "https://988lifeline.org");
        support.resource("India", "en", "CRISIS", "Tele MANAS", "The national mental health line, in many languages.",
            "14416", "https://telemanas.mohfw.gov.in");
        support.resource("Portugal", "pt", "CRISIS", "SOS Voz Amiga", "Someone to listen, every evening.",
            "213 544 545", "https://www.sosvozamiga.org");

        List<String> supporters = ROSTER.keySet().stream().sorted().toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant at = now.minus(Duration.ofDays(130));
        int n = 0;
        while (at.isBefore(now.minus(Duration.ofDays(4)))) {
            PersonRef asker = byLogin.get(ASKERS.get(n % ASKERS.size()));
            PersonRef supporter = null;
            for (int k = 0; k < supporters.size() && supporter == null; k++) {
                PersonRef candidate = byLogin.get(supporters.get((n + k) % supporters.size()));
                // as the live assignment does: never someone from the asker's own team
                boolean sameTeam = teams.stream().anyMatch(t -> t.members().contains(candidate.id())
                    && t.members().contains(asker.id()));
                supporter = sameTeam ? null : candidate;
            }
            // one in nine acknowledged late, so the figure is not always the best band
            Duration acknowledged = n % 9 == 4 ? Duration.ofMinutes(150) : Duration.ofMinutes(15 + (n * 7) % 40);
            support.pastRequest(asker.id(), supporter.id(), at, acknowledged, Duration.ofHours(2 + (n * 5) % 18),
                Duration.ofDays(2));
            n++;
            at = at.plus(Duration.ofHours(80));
        }
        // and one asked for just now: with a supporter, waiting for them to say hello
        support.requestNow(byLogin.get("diego").id());
    }

    /**
     * CI's deploys for the three on-call teams' services, two a working day over four months: enough for the
     * batting average to put the incidents beside the changes shipped ("1 incident in 52 changes").
     */
    private void deploys(List<TeamRef> teams) {
        LocalDate today = LocalDate.now(clock);
        for (LocalDate day = today.minusDays(120); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (TeamRef team : teams) {
                for (int hour : new int[] {11, 15}) {
                    deploys.record(new NewDeploy("demo-" + team.name().toLowerCase() + "-" + day + "-" + hour,
                        team.name().toLowerCase() + "-api", team.id(), day.atTime(hour, 0).toInstant(ZoneOffset.UTC),
                        null));
                }
            }
        }
    }

    /**
     * The recovery tools in use: the admin a few days into the journal, with what they would fix after their rough
     * one (one of two done); Priya a day into hers, with a plan to pair on her next shift that she shares with her
     * lead (Sam is told, and sees it on Checkout's shared plans); Diego's plan to go as normal, kept to himself.
     */
    private void recoveryTools(UUID admin, UUID selfCase, Map<String, PersonRef> byLogin) {
        if (admin != null) {
            recovery.journalStarted(admin, 3, List.of(
                "Dear me: you were tired and the alert said almost nothing, and you still found the stuck queue. "
                    + "A friend would hear that part first.",
                "Grace said her first failover went worse than mine. Everyone on that call had been here before.",
                "What happened, plainly: jobs were stuck for forty minutes after a failover. Nothing was lost. "
                    + "We noticed, and we fixed it."));
            if (selfCase != null) {
                recovery.whatIdFix(admin, selfCase, List.of("An alert for jobs waiting longer than ten minutes",
                    "Write down the failover steps we took, for whoever is next"), 1);
            }
        }
        UUID priya = byLogin.get("priya").id();
        recovery.journalStarted(priya, 1, List.of("It was one bad night in a good year. I would tell Jonas that."));
        recovery.planNextShift(priya, "PAIR", byLogin.get("jonas").id(), true);
        recovery.planNextShift(byLogin.get("diego").id(), "AS_NORMAL", null, false);
    }

    private TeamRef team(String name, Map<String, PersonRef> byLogin, List<String> leads, List<String> members,
                         LocalDate start, String zone) {
        return team(name, byLogin, leads, members, List.of(), start, zone);
    }

    /** A team whose leads and members take turns on its weekly rotation; {@code shadowing} are in it, not on it. */
    private TeamRef team(String name, Map<String, PersonRef> byLogin, List<String> leads, List<String> members,
                         List<String> shadowing, LocalDate start, String zone) {
        List<UUID> leadIds = leads.stream().map(l -> byLogin.get(l).id()).toList();
        List<UUID> onRotation = new ArrayList<>(leadIds);
        members.forEach(m -> onRotation.add(byLogin.get(m).id()));
        List<UUID> memberIds = new ArrayList<>(onRotation);
        shadowing.forEach(m -> memberIds.add(byLogin.get(m).id()));
        TeamRef team = organisation.createTeam(name, leadIds, memberIds, null);
        organisation.createRotation(team.id(), "Primary", onRotation, 7 * 24, LocalTime.of(10, 0), zone, start,
            null);
        return team;
    }

    private void incidents(List<TeamRef> teams, List<UUID> shadowing, UUID admin, DemoCare answers,
                           LocalDate rotationsStart) {
        Random random = new Random(42);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // from midnight UTC on a Monday about 13 weeks back, whatever the hour the demo is loaded: loads in the same
        // week have their incidents on the same days at the same hours, so a month's figures (and the screenshots)
        // do not move with the hour of the load
        LocalDate monday = now.atOffset(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY).minusWeeks(13);
        Instant at = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Instant> allHands = allHands(now, rotationsStart);
        int n = 0;
        while (at.isBefore(now.minus(Duration.ofHours(6)))) {
            // in the order they happened: care joins an incident to a case of the day before, never to a later one
            while (!allHands.isEmpty() && allHands.get(0).isBefore(at)) {
                allHands(teams.get(0), allHands.remove(0), answers);
            }
            TeamRef team = teams.get(n % teams.size());
            Severity severity = Severity.values()[Math.min(4, random.nextInt(5))];
            List<UUID> onCall = directory.onCall(team.id(), at);
            List<NewResponder> responders = new ArrayList<>();
            for (UUID id : onCall) {
                responders.add(new NewResponder(id, null, ResponderRole.COMMANDER, at.plus(Duration.ofMinutes(3))));
            }
            // someone else from the rotation lends a hand (Checkout's newest are not on call yet)
            List<UUID> onRotation = team.members().stream().filter(m -> !shadowing.contains(m)).toList();
            UUID helper = onRotation.get(random.nextInt(onRotation.size()));
            if (!onCall.contains(helper)) {
                responders.add(new NewResponder(helper, null, ResponderRole.RESPONDER, at.plus(Duration.ofMinutes(20))));
            }
            // the admin helps with every third incident, but not in the last two days (see the recent one below)
            if (admin != null && n % 3 == 1 && at.isBefore(now.minus(Duration.ofDays(2)))) {
                responders.add(new NewResponder(admin, null, ResponderRole.RESPONDER, at.plus(Duration.ofMinutes(10))));
            }
            IncidentView incident = incidents.record(new NewIncident("demo", "DEMO-" + (1000 + n),
                TITLES.get(random.nextInt(TITLES.size())), severity, team.name().toLowerCase() + "-api", team.id(),
                null, at, responders), null);
            incidents.acknowledge(incident.id(), at.plus(Duration.ofMinutes(4 + random.nextInt(10))), null);
            resolve(incident.id(), at.plus(Duration.ofMinutes(25 + random.nextInt(240))), answers);
            n++;
            at = at.plus(Duration.ofHours(30 + random.nextInt(90)));
        }
        allHands.forEach(when -> allHands(teams.get(0), when, answers));
        // one that resolved an hour ago: the admin's case for it is opened, its check-in still to come
        if (admin != null) {
            TeamRef team = teams.get(2);
            Instant started = now.minus(Duration.ofMinutes(150));
            List<NewResponder> responders = new ArrayList<>();
            directory.onCall(team.id(), started).forEach(id ->
                responders.add(new NewResponder(id, null, ResponderRole.COMMANDER, started)));
            responders.add(new NewResponder(admin, null, ResponderRole.RESPONDER, started.plus(Duration.ofMinutes(15))));
            IncidentView recent = incidents.record(new NewIncident("demo", "DEMO-RECENT",
                "Background jobs stuck after a queue failover", Severity.SEV2, "platform-queue", team.id(), null,
                started, responders), null);
            incidents.acknowledge(recent.id(), started.plus(Duration.ofMinutes(5)), null);
            resolve(recent.id(), now.minus(Duration.ofMinutes(60)), answers);
        }
        // and one still going, so the list shows what an open incident looks like
        TeamRef team = teams.get(0);
        Instant started = now.minus(Duration.ofMinutes(35));
        List<NewResponder> responders = directory.onCall(team.id(), started).stream()
            .map(id -> new NewResponder(id, null, ResponderRole.COMMANDER, started)).toList();
        incidents.record(new NewIncident("demo", "DEMO-OPEN", "Slow checkout page in one region", Severity.SEV3,
            "checkout-web", team.id(), null, started, responders), null);
        log.debug("demo incidents up to {}", now.atOffset(ZoneOffset.UTC));
    }

    /**
     * When Checkout had its big incident of each of the last three calendar months before this one: early in the
     * month (the first weekday from the 2nd, 08:40 UTC, working hours in all of Checkout's zones), so that the whole
     * team's first case of the month is this one. A team's figures are released a week after a month ends, so the
     * newest released month always has one, whatever the day the demo is loaded.
     */
    private static List<Instant> allHands(Instant now, LocalDate rotationsStart) {
        LocalDate thisMonth = now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        List<Instant> times = new ArrayList<>();
        for (int back = 3; back >= 1; back--) {
            LocalDate day = thisMonth.minusMonths(back).withDayOfMonth(2);
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            Instant at = day.atTime(8, 40).toInstant(ZoneOffset.UTC);
            if (day.isAfter(rotationsStart)) {
                times.add(at);
            }
        }
        return times;
    }

    /**
     * Checkout's big one of a month: everything stops for every customer, and the whole team, its lead too, joins
     * within the first half hour. Nearly everyone answers this check-in (see {@link DemoCare#afterAllHands}).
     */
    private void allHands(TeamRef team, Instant at, DemoCare answers) {
        int month = at.atOffset(ZoneOffset.UTC).getMonthValue();
        List<UUID> onCall = directory.onCall(team.id(), at);
        List<NewResponder> responders = new ArrayList<>();
        onCall.forEach(id -> responders.add(new NewResponder(id, null, ResponderRole.COMMANDER,
            at.plus(Duration.ofMinutes(2)))));
        int joined = 0;
        for (UUID member : team.members()) {
            if (!onCall.contains(member)) {
                responders.add(new NewResponder(member, null, ResponderRole.RESPONDER,
                    at.plus(Duration.ofMinutes(6 + 3 * joined++))));
            }
        }
        IncidentView incident = incidents.record(new NewIncident("demo", "DEMO-" + (2000 + month),
            ALL_HANDS.get(month % ALL_HANDS.size()), Severity.SEV1, "checkout-api", team.id(), null, at, responders),
            null);
        incidents.acknowledge(incident.id(), at.plus(Duration.ofMinutes(2)), null);
        IncidentView resolved = incidents.resolve(incident.id(), at.plus(Duration.ofMinutes(95 + 5 * (month % 4))),
            null);
        List<PastCase> cases = care.incidentResolvedInThePast(resolved(resolved), answers.afterAllHands(resolved));
        Map<UUID, String> wishes = peerSupportRecord(resolved, cases, answers);
        // those who asked for a peer supporter got one from another team, who got in touch within hours or days
        List<UUID> supporters = OUTSIDE_CHECKOUT_SUPPORTERS.stream().map(answers::id).toList();
        int k = 0;
        for (PastCase c : cases) {
            Integer hours = answers.supporterContactAfterBigOnes(c.personId()).orElse(null);
            if (hours == null || !"PEER_SUPPORTER".equals(wishes.get(c.personId()))) {
                continue;
            }
            // asked in the check-in (two hours after, and answered within two and a half more), acknowledged within
            // the hour or so, then contact: the case's first outreach, `hours` after it opened (a month varies it)
            Instant requested = c.openedAt().plus(Duration.ofMinutes(270));
            Duration acknowledged = Duration.ofMinutes(20 + 10 * (k % 3));
            Duration contact = Duration.ofHours(hours).plus(Duration.ofMinutes(20L * (month % 3)))
                .minus(Duration.between(c.openedAt(), requested)).minus(acknowledged);
            support.pastRequestFromCheckIn(c.caseId(), c.personId(), supporters.get(k % supporters.size()),
                requested, acknowledged, contact, Duration.ofDays(3));
            k++;
        }
    }

    /** Peer support's record of the incident's new cases, with the outreach each person asked for. */
    private Map<UUID, String> peerSupportRecord(IncidentView incident, List<PastCase> cases, DemoCare answers) {
        Map<UUID, String> wishes = answers.checkInsAnswered();
        for (PastCase c : cases) {
            // a case the incident joined already has its record, from the incident that opened it
            if (wishes.containsKey(c.personId())) {
                support.pastCase(c.caseId(), c.personId(), List.of(incident.id()), c.openedAt(),
                    wishes.get(c.personId()));
            }
        }
        return wishes;
    }

    /**
     * Resolves an incident and writes the care its people had after it, up to now, with their made-up answers. Care
     * then finds each of them already in a case for it when the resolved event arrives, so nobody is prompted about
     * the past.
     */
    private void resolve(UUID incidentId, Instant at, DemoCare answers) {
        IncidentView resolved = incidents.resolve(incidentId, at, null);
        peerSupportRecord(resolved, care.incidentResolvedInThePast(resolved(resolved), answers.after(resolved)),
            answers);
    }

    private static ResolvedIncident resolved(IncidentView resolved) {
        return new ResolvedIncident(resolved.id(), resolved.title(), resolved.severity().name(),
            resolved.startedAt(), resolved.acknowledgedAt(), resolved.resolvedAt(), resolved.responders().stream()
                .map(r -> new ResolvedIncident.Responder(r.personId(), r.role().name(), r.joinedAt())).toList());
    }
}
