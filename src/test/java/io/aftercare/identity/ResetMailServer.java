package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.support.AftercareIT;
import jakarta.mail.internet.MimeMessage;

/**
 * What the password-reset tests share: Aftercare running with a real SMTP server (GreenMail) on a free port, its
 * public address for the links in the mails, people with or without a password, and the link a mail carries. The
 * server is emptied before each test; both tests' classes run in one application context.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.public-url=https://aftercare.example.test",
    "spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
    "spring.mail.properties.mail.smtp.timeout=2000"})
abstract class ResetMailServer {

    static final int SMTP_PORT = freePort();
    static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final Pattern LINK = Pattern.compile("https://aftercare\\.example\\.test(/reset/[A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startMailServer() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.reset();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    /** A responder whose e-mail starts with {@code prefix}; {@code password} null: invited, no password yet. */
    PersonRef person(String prefix, String name, String password) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        return people.create(NewPerson.of(name, email, "UTC", Set.of(Role.RESPONDER), password), null);
    }

    static String linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("the mail carries the reset link").isTrue();
        return link.group(1);
    }

    /** Waits for exactly {@code count} mails in all since the test began. */
    static void mailsArrived(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= count);
        assertThat(smtp.getReceivedMessages()).hasSize(count);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
