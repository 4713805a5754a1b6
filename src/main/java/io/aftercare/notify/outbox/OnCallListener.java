package io.aftercare.notify.outbox;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.insights.EndOfShiftQuestionAsked;

/**
 * The end-of-shift question (insights), to the person alone: one per shift, in the inbox and on their first outward
 * channel, timed by {@link SendTime} like every personal message, and never anything they answered.
 */
@Component
class OnCallListener {

    private final PersonalMessages messages;

    OnCallListener(PersonalMessages messages) {
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(EndOfShiftQuestionAsked asked) {
        messages.send(asked.personId(), "oncall-effort:" + asked.questionId(), ":" + asked.personId(),
            PersonalMessages.Message.of(MessageText.ONCALL_EFFORT, 0));
    }
}
