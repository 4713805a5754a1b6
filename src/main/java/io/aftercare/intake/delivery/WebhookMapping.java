package io.aftercare.intake.delivery;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends {@code /webhooks/{type}/{integrationId}} straight to {@link WebhookEndpoint}, ahead of the annotated
 * controllers (decision 0013). It looks at nothing else: any other path is passed on after one prefix check. Slack's
 * endpoints share the prefix ({@code /webhooks/slack/…}) and stay with their controller.
 */
@Component
class WebhookMapping extends AbstractUrlHandlerMapping {

    /** After the ingest benchmark's no-op baseline (test code), which takes the same way in. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final String PREFIX = "/webhooks/";

    WebhookMapping(WebhookEndpoint endpoint) {
        setOrder(ORDER);
        registerHandler(WebhookEndpoint.PATH, endpoint);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || uri.startsWith(PREFIX + "slack/")) {
            return null;
        }
        return super.getHandlerInternal(request);
    }
}
