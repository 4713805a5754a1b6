package io.aftercare.notify.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import io.aftercare.notify.outbox.MessageText;
import io.aftercare.notify.outbox.OutgoingMessage;

/**
 * The Block Kit of Aftercare's Slack messages. A check-in: its calm words, five stress buttons, “Not now” and a
 * link to the whole form; a follow-up: its words, “Not now” and the link. Buttons carry only the step id (Slack
 * tells us who clicked). No message ever carries an answer or a score.
 */
@Component
class SlackMessages {

    static final String STRESS = "stress_";
    static final String NOT_NOW = "not_now";
    static final String OPEN = "open_form";

    /** What Slack shows: {@code text} where blocks cannot be shown (notifications), and the blocks. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    private final MessageText text;
    private final MessageSource messages;

    SlackMessages(MessageText text, MessageSource messages) {
        this.text = text;
        this.messages = messages;
    }

    Message prompt(OutgoingMessage message, URI link) {
        return prompt(message, link, List.of());
    }

    /**
     * @param choices one-tap answers (the end-of-shift question's signed links, one a choice), each a button that
     *                opens its page with one button to save; none for other messages
     */
    Message prompt(OutgoingMessage message, URI link, List<io.aftercare.insights.EndOfShiftLinks.Choice> choices) {
        MessageText.Text words = text.of(message);
        if (message.stepId() == null && !choices.isEmpty()) {
            List<BlockElement> taps = new ArrayList<>();
            for (var choice : choices) {
                taps.add(button(b -> b.actionId(OPEN + "_effort_" + choice.effort()).url(choice.link().toString())
                    .text(plainText(msg("oncall.effort." + choice.effort())))));
            }
            return new Message(words.title(), List.of(
                section(s -> s.text(markdownText("*" + escape(words.title()) + "*\n" + escape(words.body())))),
                actions(a -> a.blockId("effort").elements(taps)),
                context(c -> c.elements(List.of(plainText(words.privacy()))))));
        }
        if (message.stepId() == null) {
            // a nudge or a support request: its words and the way to its page, nothing to answer here
            return new Message(words.title(), List.of(
                section(s -> s.text(markdownText("*" + escape(words.title()) + "*\n" + escape(words.body())))),
                actions(a -> a.blockId("more").elements(List.of(button(b -> b.actionId(OPEN).url(link.toString())
                    .style("primary").text(plainText(words.action())))))),
                context(c -> c.elements(List.of(plainText(words.privacy()))))));
        }
        String step = message.stepId().toString();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + escape(words.title()) + "*\n" + escape(words.body())))));
        List<BlockElement> last = new ArrayList<>();
        if ("CHECK_IN".equals(message.kind())) {
            blocks.add(section(s -> s.text(plainText(msg("notify.slack.stress.question")))));
            List<BlockElement> stress = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int level = i;
                stress.add(button(b -> b.actionId(STRESS + level).value(step)
                    .text(plainText(msg("notify.slack.stress." + level)))));
            }
            blocks.add(actions(a -> a.blockId("stress").elements(stress)));
        }
        last.add(button(b -> b.actionId(OPEN).url(link.toString()).style("primary")
            .text(plainText(words.action()))));
        last.add(button(b -> b.actionId(NOT_NOW).value(step).text(plainText(msg("notify.slack.notNow")))));
        blocks.add(actions(a -> a.blockId("more").elements(last)));
        blocks.add(context(c -> c.elements(List.of(plainText(words.privacy())))));
        return new Message(words.title(), blocks);
    }

    /** After a stress click: thanks, and the rest of the form by a fresh link. */
    Message thanks(URI link) {
        String thanks = msg("notify.slack.thanks");
        List<LayoutBlock> blocks = List.of(
            section(s -> s.text(plainText(thanks + " " + msg("notify.slack.thanks.more")))),
            actions(a -> a.blockId("more").elements(List.of(button(b -> b.actionId(OPEN).url(link.toString())
                .text(plainText(msg("notify.slack.thanks.action"))))))));
        return new Message(thanks, blocks);
    }

    /** After “Not now”, or a click on a step that is no longer open: words only, with the way to My aftercare. */
    Message plain(String key, URI me) {
        String words = msg(key);
        return new Message(words, List.of(section(s -> s.text(plainText(words))),
            actions(a -> a.blockId("more").elements(List.of(button(b -> b.actionId(OPEN).url(me.toString())
                .text(plainText(msg("notify.slack.open")))))))));
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** Slack's mrkdwn needs only these three escaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static UUID step(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
