package io.aftercare.notify.outbox;

import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInDue;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;

/**
 * A check-in, follow-up or reminder fell due: one inbox message, and one message on the person's first outward
 * channel, timed by {@link SendTime}. Runs in the event's own transaction, so the rows and the event's completion
 * commit together; the idempotency keys make a redelivered event change nothing.
 */
@Component
class CheckInDueListener {

    private final PersonalMessages messages;
    private final Directory directory;
    private final CareCases care;

    CheckInDueListener(PersonalMessages messages, Directory directory, CareCases care) {
        this.messages = messages;
        this.directory = directory;
        this.care = care;
    }

    @ApplicationModuleListener
    void on(CheckInDue due) {
        Optional<PersonRef> found = directory.person(due.personId());
        if (found.isEmpty() || care.hasOptedOut(due.personId())) {
            return;
        }
        PersonRef person = found.get();
        String notification = "step:" + due.stepId() + (due.reminder() ? ":reminder" : "");
        messages.send(person, notification, ":" + person.id(), new PersonalMessages.Message(due.kind(), due.stepId(),
            due.caseId(), due.day(), due.reminder()), due.dueAt());
    }
}
