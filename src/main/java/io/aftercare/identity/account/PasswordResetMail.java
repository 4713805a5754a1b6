package io.aftercare.identity.account;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AccountStateException;
import io.aftercare.identity.AccountStateException.Reason;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The password reset link goes to the person's own e-mail and nowhere else: sent at once through the same SMTP
 * server as every other Aftercare mail ({@code spring.mail.*}, sender {@code aftercare.notify.mail-from}), never
 * through the outbox, so that the link is not stored anywhere in the clear.
 */
@Component
class PasswordResetMail {

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

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
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new AccountStateException(Reason.MAIL_NOT_CONFIGURED);
        }
        long hours = Math.max(1, validFor.toHours());
        String body = messages.getMessage("reset.mail.body", new Object[]{link, hours}, Locale.ENGLISH);
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(messages.getMessage("reset.mail.subject", null, Locale.ENGLISH));
            helper.setText(body, false);
            sender.send(mime);
        } catch (MailException | MessagingException e) {
            throw new AccountStateException(Reason.MAIL_NOT_SENT);
        }
    }
}
