package io.aftercare.identity.account;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AccountStateException;
import io.aftercare.identity.AccountStateException.Reason;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The password reset link goes to the person's own e-mail and nowhere else: sent at once through the same SMTP
 * server as every other Aftercare mail ({@code spring.mail.*}, sender {@code aftercare.notify.mail-from}), never
 * through the outbox, so that the link is not stored anywhere in the clear.
 */
@Component
class PasswordResetMail {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResetMail(ObjectProvider<JavaMailSender> mail, MessageSource messages,
                      @Value("${aftercare.notify.mail-from}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    boolean configured() {
        return mail.getIfAvailable() != null;
    }

    void send(String to, String link, Duration validFor) {
        send(to, link, validFor, "reset.mail.subject", "reset.mail.body");
    }

    /**
     * The link a person asked for themselves ("Forgot your password?"), sent on its own thread so that the sign-in
     * page answers as fast for an address that has an account as for one that has none. A failure is logged
     * without the address.
     */
    void sendLater(String to, String link, Duration validFor) {
        background.execute(() -> {
            try {
                send(to, link, validFor, "reset.mail.self.subject", "reset.mail.self.body");
            } catch (RuntimeException e) {
                LOG.warn("A password reset link asked for on the sign-in page could not be sent: {}", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    private void send(String to, String link, Duration validFor, String subjectKey, String bodyKey) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new AccountStateException(Reason.MAIL_NOT_CONFIGURED);
        }
        long hours = Math.max(1, validFor.toHours());
        String body = messages.getMessage(bodyKey, new Object[]{link, hours}, Locale.ENGLISH);
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(messages.getMessage(subjectKey, null, Locale.ENGLISH));
            helper.setText(body, false);
            sender.send(mime);
        } catch (MailException | MessagingException e) {
            throw new AccountStateException(Reason.MAIL_NOT_SENT);
        }
    }
}
