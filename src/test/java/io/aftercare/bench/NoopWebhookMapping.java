package io.aftercare.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The ingest benchmark's baseline: {@code POST /webhooks/noop/{integrationId}} on the same server, through the same
 * security filter chain, dispatcher and kind of handler mapping as a webhook delivery, reading the body the same way,
 * then a fixed answer and nothing else. Test code only, and only with {@code aftercare.bench.noop=true}.
 */
@Component
@ConditionalOnProperty(name = "aftercare.bench.noop", havingValue = "true")
class NoopWebhookMapping extends AbstractUrlHandlerMapping {

    private static final byte[] ANSWER = "{\"outcome\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);

    NoopWebhookMapping() {
        // just ahead of the webhook mapping, which would otherwise take "noop" for an unknown integration type
        setOrder(Ordered.HIGHEST_PRECEDENCE);
        registerHandler("/webhooks/noop/{integrationId}",
            (org.springframework.web.HttpRequestHandler) (request, response) -> {
                try (InputStream in = request.getInputStream()) {
                    in.readNBytes(1024 * 1024 + 1);
                }
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(ANSWER.length);
                response.getOutputStream().write(ANSWER);
            });
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
        return request.getRequestURI().startsWith("/webhooks/noop/") ? super.getHandlerInternal(request) : null;
    }
}
