package io.aftercare.notify.outbox;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.aftercare.notify.slack.SlackProperties;
import io.aftercare.shared.GettingStartedSteps;

/**
 * Notify's part of getting started: a way to reach people outside Aftercare, e-mail ({@code spring.mail.host}) or
 * Slack (the bot token). Both are configuration, so the step has no page of its own.
 */
@Component
class ChannelSteps implements GettingStartedSteps {

    private final ObjectProvider<JavaMailSender> mail;
    private final SlackProperties slack;

    ChannelSteps(ObjectProvider<JavaMailSender> mail, SlackProperties slack) {
        this.mail = mail;
        this.slack = slack;
    }

    @Override
    public List<Step> steps() {
        boolean slackOn = slack.botToken() != null && !slack.botToken().isBlank();
        return List.of(new Step("channels", 50, null, mail.getIfAvailable() != null || slackOn));
    }
}
