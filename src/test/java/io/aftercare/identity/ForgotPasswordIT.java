package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.aftercare.identity.account.PasswordLinks;
import io.aftercare.support.WebSession;
import jakarta.mail.internet.MimeMessage;

/**
 * "Forgot your password?" on the sign-in page, through a real SMTP server (GreenMail): the link goes to the address
 * typed and nowhere else, the page answers the same whether or not the address has an account, and one address
 * gets at most {@value PasswordLinks#RESETS_PER_HOUR} links an hour. Mails leave one at a time, in order, so a
 * mail that should not have been sent would arrive before the next one that should.
 */
class ForgotPasswordIT extends ResetMailServer {

    private String person(String password) {
        return person("forgot", "Noa Forgot", password).email();
    }

    /** What the person sees after asking: the redirect and the page it leads to. */
    private List<Object> ask(String email) {
        WebSession browser = WebSession.anonymous(port);
        browser.get("/reset");
        HttpResponse<String> posted = browser.post("/reset", Map.of("email", email));
        String shown = browser.follow(posted).body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
        return List.of(posted.statusCode(), posted.headers().firstValue("Location").orElse(""), shown);
    }

    @Test
    void theSignInPageLeadsToALinkThatOnlyThePersonReceivesAndThatWorks() throws Exception {
        assertThat(WebSession.anonymous(port).get("/login").body()).contains("href=\"/reset\"")
            .contains("Forgot your password?");
        String email = person("noas-old-password");

        List<Object> answer = ask(email);
        assertThat(answer.get(1).toString()).endsWith("/reset?sent");
        assertThat(answer.get(2).toString()).contains("If an account uses that address, a link to choose a new password is on its way to it.");
        mailsArrived(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Someone asked for a new Aftercare password for this address on the sign-in page");
        String link = linkIn(mail);

        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get(link).body()).contains("name=\"password\"");
        var done = browser.post(link, Map.of("password", "noas-new-password", "confirm", "noas-new-password"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordReset");
        assertThat(WebSession.signedIn(port, email, "noas-new-password")).isNotNull();
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoMail() throws Exception {
        String known = person("known-password-1");
        List<Object> forKnown = ask(known);
        mailsArrived(1);

        List<Object> forUnknown = ask("nobody-" + UUID.randomUUID() + "@example.com");
        List<Object> forInvited = ask(person(null));
        assertThat(forUnknown).as("an address nobody uses").isEqualTo(forKnown);
        assertThat(forInvited).as("an address with no password yet").isEqualTo(forKnown);

        // a known address once more: had either of the others been mailed, that mail would have come first
        ask(known);
        mailsArrived(2);
        assertThat(smtp.getReceivedMessages()[1].getAllRecipients()[0].toString()).isEqualTo(known);
    }

    @Test
    void oneAddressGetsAtMostAFewLinksAnHour() throws Exception {
        String email = person("rate-password-1");
        for (int i = 0; i < PasswordLinks.RESETS_PER_HOUR; i++) {
            ask(email);
        }
        mailsArrived(PasswordLinks.RESETS_PER_HOUR);
        List<Object> over = ask(email);
        assertThat(over.get(1).toString()).as("the same answer, over the limit").endsWith("/reset?sent");

        String other = person("rate-password-2");
        ask(other);
        mailsArrived(PasswordLinks.RESETS_PER_HOUR + 1);
        assertThat(smtp.getReceivedMessages()[PasswordLinks.RESETS_PER_HOUR].getAllRecipients()[0].toString())
            .isEqualTo(other);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset p JOIN account a ON a.person_id = p.person_id "
            + "WHERE a.login = ?").param(email).query(Long.class).single()).isEqualTo(PasswordLinks.RESETS_PER_HOUR);
    }
}
