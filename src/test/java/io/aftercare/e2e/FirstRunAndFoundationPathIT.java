package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.support.AftercareIT;

/**
 * A newcomer's first minutes, in Chromium: the first-run screen creates the admin and signs them in on the
 * getting-started checklist; they add a team and a person (two steps tick), find the team's care page, record an
 * incident with a responder and resolve it.
 */
@AftercareIT
// the first run happens once per database: no other test class may be handed this context afterwards
@DirtiesContext
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class FirstRunAndFoundationPathIT extends BrowserTest {

    @BeforeAll
    void openPage() {
        page = browser.newPage();
    }

    @Test
    void newcomerCreatesTheAdminSignsInAndRecordsAndResolvesAnIncident() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Aftercare")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "01-first-run");

        // the browser's own time zone is filled in (this browser is in Berlin); the list starts with UTC and the
        // current zone names, the older names after them
        assertThat(page.getByLabel("Time zone")).hasValue("Europe/Berlin");
        assertThat(page.locator("#timeZone optgroup").first()).hasAttribute("label", "Time zones");
        assertThat(page.locator("#timeZone optgroup").last())
            .hasAttribute("label", "Older names for the same zones");

        // a mistake first: the form keeps what was typed and says what is wrong, next to the field
        page.getByLabel("Your name").fill("Alex Admin");
        page.getByLabel("E-mail").fill("alex@example.com");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Type the password again").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin account")).click();
        assertThat(page.locator(".field-error")).hasText("Password must be at least 12 characters.");
        assertThat(page.getByLabel("Your name")).hasValue("Alex Admin");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "02-first-run-error");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a calm and long password");
        page.getByLabel("Type the password again").fill("a calm and long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin account")).click();

        // signed in already, on the checklist of what makes Aftercare useful, nothing ticked yet
        assertThat(page).hasURL(url("/admin/getting-started"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Getting started")))
            .isVisible();
        assertThat(page.locator("main")).containsText("You are signed in.");
        assertStep("teams", "Add your teams", "To do");
        assertStep("people", "Add people, by hand or from a CSV file", "To do");
        assertStep("roster", "Put peer supporters on the roster", "To do");
        assertStep("resources", "Add resources for your countries", "To do");
        assertStep("channels", "Connect e-mail or Slack", "To do");
        assertStep("integration", "Connect an alerting tool", "To do");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "03-getting-started");

        page.navigate(url("/me"));
        assertThat(page.locator("main")).containsText("Getting Aftercare ready: 6 steps are still open.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the checklist")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "04-home");

        page.navigate(url("/settings/tokens"));
        page.getByLabel("Name").fill("laptop script");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("code.secret")).containsText("act_");
        // the new-token form reads top to bottom like the other settings forms: each label above its field, the
        // fields and the button on one left edge, the fields one width
        var form = page.locator("form[action='/settings/tokens']");
        var name = form.getByLabel("Name").boundingBox();
        for (var field : List.of(form.getByLabel("What it may do"), form.getByLabel("Expires after (days)"))) {
            org.assertj.core.api.Assertions.assertThat(field.boundingBox().x).isEqualTo(name.x);
            org.assertj.core.api.Assertions.assertThat(field.boundingBox().width).isEqualTo(name.width);
            org.assertj.core.api.Assertions.assertThat(field.boundingBox().y).isGreaterThan(name.y + name.height);
        }
        org.assertj.core.api.Assertions.assertThat(form.locator("label[for=days]").boundingBox().y)
            .isLessThan(form.getByLabel("Expires after (days)").boundingBox().y);
        org.assertj.core.api.Assertions.assertThat(
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).boundingBox().x)
            .isEqualTo(name.x);
        // the page's last words keep a space above the footer
        var lastRow = page.locator("main tbody tr").last().boundingBox();
        org.assertj.core.api.Assertions.assertThat(page.locator("footer").boundingBox().y)
            .isGreaterThanOrEqualTo(lastRow.y + lastRow.height + 24);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "05-api-token-created");

        // a team
        page.navigate(url("/teams"));
        Browser.checkAccessibility(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a team")).click();
        page.getByLabel("Team name").fill("Checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add team")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checkout"))).isVisible();
        Browser.checkAccessibility(page);

        // a person in it
        page.navigate(url("/people"));
        Browser.checkAccessibility(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a person")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Sam Rivera");
        page.getByLabel("E-mail").fill("sam@example.com");
        page.getByLabel("Time zone").selectOption("Europe/Lisbon");
        page.getByLabel("Checkout").check();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "06-add-person");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.locator(".notice").first()).containsText("The person was added");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation link")).click();
        String invitation = page.locator("code").filter(new Locator.FilterOptions()
            .setHasText("/invite/")).first().textContent().trim();
        // no mail server here: the page says that the admin passes the link on themselves
        assertThat(page.locator("main")).containsText("E-mail is not set up in this Aftercare, so nobody "
            + "sends this link to them. Copy it now and pass it on yourself.");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "07-person-invitation");

        // the directory pages show people by name: in the team's table, its buttons, the Leads and Teams columns
        page.navigate(url("/people"));
        assertThat(page.locator("tbody tr").filter(new Locator.FilterOptions()
            .setHasText("Sam Rivera")).locator("td").nth(3)).hasText("Checkout");
        page.navigate(url("/teams"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
        Locator samRow = page.locator("tbody tr").first();
        assertThat(samRow.locator("td").nth(0)).hasText("Sam Rivera");
        assertThat(samRow.locator("td").nth(1)).hasText("Europe/Lisbon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make Sam Rivera a lead")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take Sam Rivera out of the team")))
            .isVisible();
        assertThat(page.locator("main")).not().containsText("null");
        Browser.checkAccessibility(page);
        page.navigate(url("/teams"));
        assertThat(page.locator("tbody tr").filter(new Locator.FilterOptions()
            .setHasText("Checkout")).locator("td").nth(1)).hasText("Sam Rivera");
        Browser.screenshot(page, "08-teams");

        // the team's care is one link away from its page; it shows names and a suggestion, nothing of anyone's care
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Care in this team: suggest a check-in"))
            .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Care in Checkout")))
            .isVisible();
        assertThat(page.locator("main")).containsText("Sam Rivera");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suggest a check-in")))
            .isVisible();
        // the row stays one line high: the button's words sit level with the name, not below it
        var careRow = page.locator("tbody tr", new Page.LocatorOptions().setHasText("Sam Rivera"));
        org.assertj.core.api.Assertions.assertThat(careRow.boundingBox().height).isLessThan(50);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "09-team-care");

        // two steps of the checklist have ticked themselves
        page.navigate(url("/admin/getting-started"));
        assertStep("teams", "Add your teams", "Done");
        assertStep("people", "Add people, by hand or from a CSV file", "Done");
        assertStep("integration", "Connect an alerting tool", "To do");
        assertThat(page.locator("main")).containsText("4 things are still open");
        Browser.screenshot(page, "10-getting-started-two-done");

        // an incident with Sam in it, then resolved
        page.navigate(url("/incidents"));
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "11-incidents-empty");
        page.navigate(url("/incidents/new"));
        page.getByLabel("Title").fill("Checkout returns 502 for some customers");
        page.locator("#severity-SEV2").check();
        selectByText("#teamId", "Checkout");
        selectByText("#responderId", "Sam Rivera");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "12-record-incident");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record incident")).click();
        assertThat(page.getByRole(AriaRole.HEADING,
            new Page.GetByRoleOptions().setName("Checkout returns 502 for some customers"))).isVisible();
        assertThat(page.locator("main")).containsText("Sam Rivera");
        Browser.checkAccessibility(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve incident")).click();
        assertThat(page.locator("main")).containsText("Resolved");
        // the resolver learns what happens next for its people, and that their answers stay theirs
        assertThat(page.locator("main")).containsText("Its responders will each get a private check-in from "
            + "Aftercare in about 2 hours");
        assertThat(page.locator("main")).containsText("Only they see their answers");
        // each timeline entry's time stands above what happened instead of running into it
        var entry = page.locator("ol.timeline li").first();
        org.assertj.core.api.Assertions.assertThat(entry.locator("span").first().boundingBox().y)
            .isGreaterThanOrEqualTo(entry.locator("time").boundingBox().y + entry.locator("time").boundingBox().height);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "13-incident-resolved");

        Page phone = browser.newPage(360, 740);
        phone.context().addCookies(page.context().cookies());
        phone.navigate(page.url());
        assertThat(phone.locator("main")).containsText("Sam Rivera");
        Browser.screenshot(phone, "14-incident-on-a-phone");

        page.navigate(url("/incidents"));
        assertThat(page.locator("main")).containsText("Checkout returns 502 for some customers");
        Browser.screenshot(page, "15-incidents-list");

        page.navigate(url("/no-such-page"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We could not find that page")))
            .isVisible();
        assertThat(page.locator("body")).not().containsText("Exception");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "16-not-found");

        // Sam takes the invitation in a browser of their own and signs in
        Page sam = browser.newPage();
        sam.navigate(invitation.replaceFirst("^https?://[^/]+", url("")));
        sam.getByLabel("New password").fill("sams own long password");
        sam.getByLabel("Type it again").fill("sams own long password");
        Browser.checkAccessibility(sam);
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(sam).hasURL(url("/login?passwordSet"));
        sam.getByLabel("E-mail").fill("sam@example.com");
        sam.getByLabel("Password").fill("sams own long password");
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(sam).hasURL(url("/me"));
        assertThat(sam.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People"))).hasCount(0);
        sam.navigate(invitation.replaceFirst("^https?://[^/]+", url("")));
        assertThat(sam.locator("main")).containsText("already been used");
    }

    private void assertStep(String key, String words, String state) {
        assertThat(page.locator("#step-" + key)).containsText(words);
        assertThat(page.locator("#step-" + key + " .badge")).hasText(state);
    }

    private void selectByText(String select, String text) {
        String value = page.locator(select + " option").filter(new Locator.FilterOptions()
            .setHasText(text)).first().getAttribute("value");
        page.locator(select).selectOption(value);
    }
}
