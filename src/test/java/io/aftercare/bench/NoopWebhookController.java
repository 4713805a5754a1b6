package io.aftercare.bench;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The ingest benchmark's baseline: the same server, the same security filter chain and the same body read as a
 * webhook delivery, then a fixed answer and nothing else. Test code only, and only with {@code aftercare.bench.noop=true}.
 */
@RestController
@ConditionalOnProperty(name = "aftercare.bench.noop", havingValue = "true")
class NoopWebhookController {

    @PostMapping(path = "/webhooks/noop/{integrationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> noop(@PathVariable String integrationId, HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            in.readNBytes(1024 * 1024 + 1);
        }
        return ResponseEntity.ok("{\"outcome\":\"ACCEPTED\"}");
    }
}
