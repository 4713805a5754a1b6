package io.aftercare.recovery.overview;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.RecoveryTools;

/** The last card on My aftercare: all of the person's recovery tools on one page. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RecoveryOverviewLink implements RecoveryTools {

    static final String PATH = "/me/recovery";

    private final MessageSource messages;

    RecoveryOverviewLink(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Link> onMyAftercare(UUID personId, Locale locale) {
        return List.of(new Link(messages.getMessage("recovery.overview.link", null, locale), PATH, null));
    }
}
