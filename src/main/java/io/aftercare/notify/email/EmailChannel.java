package io.aftercare.notify.email;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.aftercare.directory.PersonRef;
import io.aftercare.notify.outbox.Channel;
import io.aftercare.notify.outbox.DeliveryFailure;
import io.aftercare.insights.EndOfShiftLinks;
import io.aftercare.notify.outbox.MessageLinks;
import io.aftercare.notify.outbox.MessageText;
import io.aftercare.notify.outbox.NotifyProperties;
import io.aftercare.notify.outbox.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through Spring Mail ({@code spring.mail.*}; there only when {@code spring.mail.host} is set): HTML and
 * plain text, with a signed one-click answer link made when the mail is sent (single use, expiring).
 */
@Component
@Order(10)
class EmailChannel implements Channel {

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageLinks links;
    private final MessageText text;
    private final ITemplateEngine templates;
    private final NotifyProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, MessageLinks links, MessageText text, ITemplateEngine templates,
                 NotifyProperties properties) {
        this.mail = mail;
        this.links = links;
        this.text = text;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public boolean reaches(PersonRef person) {
        return configured() && person.email() != null && !person.email().isBlank();
    }

    @Override
    public void send(OutgoingMessage message, PersonRef person) throws DeliveryFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw DeliveryFailure.permanent("e-mail is not configured", null);
        }
        MessageText.Text words = text.of(message);
        URI link = links.of(message);
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("name", person.name());
        context.setVariable("text", words);
        context.setVariable("link", link.toString());
        List<EndOfShiftLinks.Choice> choices = links.choices(message);
        context.setVariable("taps", choices.stream()
            .map(c -> java.util.Map.of("label", text.effortChoice(c.effort()), "link", c.link().toString())).toList());
        String html = templates.process("notify/mail/message", context);
        StringBuilder taps = new StringBuilder();
        for (EndOfShiftLinks.Choice choice : choices) {
            taps.append(text.effortChoice(choice.effort())).append(":\n").append(choice.link()).append("\n\n");
        }
        String plain = greeting(person) + "\n\n" + words.body() + "\n\n" + taps
            + (choices.isEmpty() ? words.action() + ":\n" + link + "\n\n" : "") + words.privacy() + "\n";
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(person.email());
            helper.setSubject(words.title());
            helper.setText(plain, html);
            mime.setHeader("X-Aftercare-Message", message.id().toString());
            sender.send(mime);
        } catch (MailAuthenticationException | MailParseException | MailPreparationException | MessagingException e) {
            throw DeliveryFailure.permanent(e.getClass().getSimpleName(), e);
        } catch (MailException e) {
            // the server is away or refused for now: try again later
            throw DeliveryFailure.temporary(e.getClass().getSimpleName(), e);
        }
    }

    private static String greeting(PersonRef person) {
        return "Hi " + person.name() + ",";
    }
}
