package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * Peer support in Chromium: a supporter sets their hours; a responder asks for a trained peer supporter in their
 * check-in; the supporter sees only the name, the incident and what was shared, acknowledges and marks contact made;
 * the responder sees it. Their lead is not nudged about them; a teammate who asks for their lead is the one the
 * lead is nudged about, and the lead reaches out. A second responder is offered someone and says yes;
 * when that supporter does not make contact in time, the coordinator sees it.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.support.nudge-delay=0s"})
class SupportPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    record Person(UUID id, String name, String email) {
    }

    Person person(String name, Role... roles) {
        String email = PlainNames.email(name, "example.com");
        Set<Role> all = new java.util.HashSet<>(List.of(roles));
        all.add(Role.RESPONDER);
        UUID id = people.create(new NewPerson(name, email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON, Set.of(),
            Map.of(), null, all, List.of(), PASSWORD), null).id();
        return new Person(id, name, email);
    }

    /** A fresh browser profile, signed in as this person. */
    Page signedIn(String email, String password) {
        page = browser.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    Page as(Page p) {
        page = p;
        p.bringToFront();
        return p;
    }

    void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    /**
     * An incident with these responders, reported resolved as an integration would (the events API): its title is
     * the tool's, so nudges and supporters may show it; a title typed by a person never reaches them.
     */
    void incident(String title, Person... responders) {
        TestApi admin = TestApi.at(port).asAdmin();
        var resolved = admin.send("POST", "/api/v1/events", TestApi.json(Map.of("externalId",
            "e2e-" + UUID.randomUUID(), "status", "resolved", "title", title, "severity", "sev1",
            "responders", java.util.Arrays.stream(responders)
                .map(p -> Map.of("email", p.email(), "role", "RESPONDER")).toList())), "application/json");
        org.assertj.core.api.Assertions.assertThat(resolved.status()).as(resolved.body()).isLessThan(300);
        for (Person p : responders) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'").param(p.id())
                .query(Long.class).single() == 1);
        }
    }

    void answerCheckIn(String outreach) {
        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).click();
        page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("How stressed do you feel"))
            .getByLabel("Stressed", new Locator.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Sleeping difficulties").check();
        page.getByLabel(outreach, new Page.GetByLabelOptions().setExact(true)).check();
        button("Send");
    }

    UUID requestOf(Person p, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM support_request WHERE person_id = ? AND status = ?").params(p.id(), status)
            .query(Long.class).single() == 1);
        return jdbc.sql("SELECT id FROM support_request WHERE person_id = ?").param(p.id()).query(UUID.class).single();
    }

    @Test
    void aResponderAsksASupporterAcknowledgesAndMakesContactAndTheirLeadReachesOut() {
        Person alex = person("Alex Morgan", Role.SUPPORTER);
        Person sam = person("Sam Rivera");
        Person jo = person("Jo Lead", Role.LEAD);
        Person dana = person("Dana Reyes");
        SupportFixtures.team(jdbc, "Payments", jo.id(), sam.id(), dana.id());

        // the supporter says when they work: deadlines count only those hours
        Page alexPage = signedIn(alex.email(), PASSWORD);
        alexPage.navigate(url("/support/settings"));
        alexPage.getByLabel("Requests you can take in a week").fill("4");
        alexPage.getByLabel("Languages you can talk in (comma-separated)").fill("English, Spanish");
        alexPage.getByLabel("Your working hours start").fill("00:00");
        alexPage.getByLabel("Your working hours end").fill("23:59");
        button("Save");
        assertThat(alexPage.getByText("Your settings are saved.")).isVisible();
        Browser.checkAccessibility(alexPage);
        Browser.screenshot(alexPage, "support-01-supporter-settings");
        // the other test's supporter is away, so that this request is Alex's
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE WHERE person_id <> ?").param(alex.id()).update();

        incident("the checkout outage", sam, dana);

        // the responder asks for a trained peer supporter in their check-in
        Page samPage = signedIn(sam.email(), PASSWORD);
        answerCheckIn("A trained peer supporter");
        assertThat(samPage).hasURL(java.util.regex.Pattern.compile(".*/check-ins/[0-9a-f-]+/thanks$"));
        assertThat(samPage.getByText("Thank you. Only you can see your answers.")).isVisible();
        UUID request = requestOf(sam, "ASSIGNED");
        samPage.navigate(url("/support"));
        assertThat(samPage.getByText("We are finding a supporter for you. They will be in touch soon.")).isVisible();
        Browser.checkAccessibility(samPage);
        Browser.screenshot(samPage, "support-02-responder-asked");

        // the supporter sees the name, the incident, and nothing of the answers
        as(alexPage).navigate(url("/support/assigned"));
        Locator card = alexPage.locator(".support-request");
        assertThat(card).hasCount(1);
        assertThat(card).containsText("Sam Rivera asked for someone to talk to. Could you say hello today?");
        assertThat(card).containsText("About the incident \u201cthe checkout outage\u201d.");
        assertThat(card).not().containsText("Stressed");
        assertThat(card).not().containsText("Sleeping");
        Browser.checkAccessibility(alexPage);
        Browser.screenshot(alexPage, "support-03-supporter-sees-request");
        button("I will be in touch");
        assertThat(alexPage.getByText("Thank you. Please say hello soon.")).isVisible();
        assertThat(card).containsText("You said you would be in touch.");
        // now that Alex said so, Alex sees how Sam likes to be reached
        assertThat(card).containsText("They would like to hear from you by e-mail: " + sam.email());
        Browser.screenshot(alexPage, "support-04-supporter-acknowledged");

        as(samPage).navigate(url("/support"));
        assertThat(samPage.getByText("Alex Morgan will be in touch with you soon.")).isVisible();

        as(alexPage);
        button("We have talked");
        assertThat(alexPage.getByText("Thank you for talking with them.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT status FROM support_request WHERE id = ?")
            .param(request).query(String.class).single()).isEqualTo("CONTACT_MADE");

        as(samPage).navigate(url("/support"));
        assertThat(samPage.getByText("You and Alex Morgan have talked.")).isVisible();
        // after talking, the request is something to close when done, not something to turn down
        assertThat(samPage.getByText("You can stay in touch with Alex Morgan for as long as it helps.",
            new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(samPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
            .setName("Close this request"))).isVisible();
        assertThat(samPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
            .setName("I don't need this any more"))).hasCount(0);
        Browser.checkAccessibility(samPage);
        Browser.screenshot(samPage, "support-05-responder-sees-contact");

        // Sam asked for a peer supporter, not for their lead: nobody is nudged about Sam. Dana, on the same
        // incident, asks for their lead: the lead is nudged, with nothing but the incident, and reaches out
        signedIn(dana.email(), PASSWORD);
        answerCheckIn("My team lead");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM support_nudge WHERE nudged_id = ? AND delivered_at IS NOT NULL").param(jo.id())
            .query(Long.class).single() == 1);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "SELECT COUNT(*) FROM support_nudge WHERE about_person_id = ?").param(sam.id())
            .query(Long.class).single()).as("nudges about Sam").isZero();
        Page joPage = signedIn(jo.email(), PASSWORD);
        joPage.navigate(url("/nudges"));
        assertThat(joPage.locator(".nudge-text")).hasCount(1);
        assertThat(joPage.locator(".nudge-text")).containsText("Dana Reyes was on");
        assertThat(joPage.locator(".nudge-text")).containsText("\u201cthe checkout outage\u201d");
        button("I reached out");
        assertThat(joPage.getByText("Thank you for reaching out.")).isVisible();
        Browser.checkAccessibility(joPage);
        Browser.screenshot(joPage, "support-06-lead-reached-out");
    }

    @Test
    void aResponderOverTheThresholdIsOfferedSomeoneAndTheCoordinatorSeesAContactOverdue() {
        Person casey = person("Casey Park", Role.SUPPORTER);
        jdbc.sql("""
                INSERT INTO support_supporter (person_id, weekly_capacity, languages, work_start, work_end, on_break,
                                               updated_at) VALUES (?, 4, 'English', '00:00:00', '23:59:00', FALSE, ?)""")
            .params(casey.id(), java.time.OffsetDateTime.now()).update();
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE WHERE person_id <> ?").param(casey.id()).update();
        Person lee = person("Lee Novak");
        incident("the login outage", lee);

        Page leePage = signedIn(lee.email(), PASSWORD);
        answerCheckIn("No, thanks");
        assertThat(leePage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Would you like someone to reach out?"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM support_request WHERE person_id = ?")
            .param(lee.id()).query(Long.class).single()).as("an offer is only a question").isZero();
        // the offer is a card of its own, with room between it and the next one
        var offer = leePage.locator(".support-offer").boundingBox();
        var next = leePage.locator(".support-offer + .card").boundingBox();
        org.assertj.core.api.Assertions.assertThat(next.y - (offer.y + offer.height)).isGreaterThanOrEqualTo(12);
        Browser.checkAccessibility(leePage);
        Browser.screenshot(leePage, "support-07-offer-after-check-in");
        button("Yes, please");
        assertThat(leePage).hasURL(url("/support"));
        assertThat(leePage.getByText("Thank you. A peer supporter will be in touch with you soon.")).isVisible();
        UUID request = requestOf(lee, "ASSIGNED");

        Page caseyPage = signedIn(casey.email(), PASSWORD);
        caseyPage.navigate(url("/support/assigned"));
        assertThat(caseyPage.locator(".support-request")).containsText("Lee Novak asked for someone to talk to.");
        button("I will be in touch");
        // a day passes without "we have talked"
        scheduler.reschedule(TaskInstanceId.of("support-contact-due", request.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = 'CONTACT_OVERDUE'").param(request)
            .query(Long.class).single() == 1);
        caseyPage.navigate(url("/support/assigned"));
        assertThat(caseyPage.getByText("It is past the time to say hello.", new Page.GetByTextOptions()
            .setExact(false))).isVisible();
        Browser.checkAccessibility(caseyPage);
        Browser.screenshot(caseyPage, "support-08-supporter-reminded");

        Page admin = signedIn(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        admin.navigate(url("/programme/support"));
        assertThat(admin.getByText("Casey Park said they would be in touch, less than a day ago.")).isVisible();
        assertThat(admin.locator("main")).not().containsText("Lee Novak");
        // adding a supporter is its own step, with room between it and the table, the button level with the box
        var roster = admin.locator("main table").boundingBox();
        var adding = admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add a supporter"))
            .boundingBox();
        org.assertj.core.api.Assertions.assertThat(adding.y - (roster.y + roster.height)).isGreaterThanOrEqualTo(16);
        var address = admin.getByLabel("Their e-mail address").boundingBox();
        var add = admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true))
            .boundingBox();
        org.assertj.core.api.Assertions.assertThat(add.y + add.height)
            .isCloseTo(address.y + address.height, org.assertj.core.api.Assertions.within(2.0));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pairing and offers")))
            .isVisible();
        Browser.checkAccessibility(admin);
        Browser.screenshot(admin, "support-09-coordinator-contact-overdue");

        // Casey takes a break; Rio asks, and nobody eligible is left: the coordinator sees the request, not Rio
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE").update();
        Person rio = person("Rio Mendes");
        String rioRequest = TestApi.at(port).basic(rio.email(), PASSWORD)
            .post("/api/v1/me/support-requests", Map.of("note", "The outage keeps me up")).json("$.id");
        admin.navigate(url("/programme/support"));
        assertThat(admin.getByText("Request " + rioRequest.substring(0, 8).toUpperCase(java.util.Locale.ROOT)))
            .isVisible();
        assertThat(admin.locator("main")).containsText("Waiting for less than a day.");
        assertThat(admin.locator("main")).not().containsText("Rio Mendes");
        assertThat(admin.locator("main")).not().containsText("keeps me up");
        Browser.checkAccessibility(admin);
        Browser.screenshot(admin, "support-10-coordinator-waiting-request");

        // Rio is told plainly that nobody is free yet, and who they can talk to meanwhile
        Page rioPage = signedIn(rio.email(), PASSWORD);
        rioPage.navigate(url("/support"));
        assertThat(rioPage.locator("main")).containsText("No peer supporter is free just yet");
        assertThat(rioPage.locator("main")).not().containsText("They will be in touch soon");
        assertThat(rioPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
            .setName("All resources and crisis lines"))).isVisible();
        Browser.checkAccessibility(rioPage);
        Browser.screenshot(rioPage, "support-12-responder-nobody-free");
        as(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Programme health")).click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Is peer support reaching people?"))).isVisible();
        assertThat(admin.locator("main")).containsText("Not enough answers to show without identifying anyone");
        // every figure is listed, and one the rule set does not show says so in its place
        assertThat(admin.locator("dl.health dt")).hasCount(7);
        assertThat(admin.locator("dl.health dd.suppressed").first())
            .hasText("Not enough answers to show without identifying anyone");
        Browser.checkAccessibility(admin);
        Browser.screenshot(admin, "support-11-programme-health");
    }
}
