package io.aftercare.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A case's pseudonym depends on the event type, so two events about one case cannot be linked by their ids. */
class PseudonymsTest {

    final byte[] salt = "a subscription's salt of 32 byte".getBytes();
    final UUID caseId = UUID.randomUUID();

    @Test
    void oneCaseHasADifferentIdInEachEventType() {
        String opened = new WebhookEvents.Pseudonyms(salt, "case.opened").of("case", caseId);
        String closed = new WebhookEvents.Pseudonyms(salt, "case.closed").of("case", caseId);
        assertThat(opened).startsWith("case_").hasSize("case_".length() + 22);
        assertThat(closed).startsWith("case_").isNotEqualTo(opened);
    }

    @Test
    void theSameEventTypeAndSaltGiveTheSameIdAndAnotherSaltAnother() {
        assertThat(new WebhookEvents.Pseudonyms(salt, "case.opened").of("case", caseId))
            .isEqualTo(new WebhookEvents.Pseudonyms(salt.clone(), "case.opened").of("case", caseId))
            .isNotEqualTo(new WebhookEvents.Pseudonyms("another subscription's own salt".getBytes(), "case.opened")
                .of("case", caseId));
        assertThat(new WebhookEvents.Pseudonyms(salt, "case.opened").of("case", null)).isNull();
    }
}
