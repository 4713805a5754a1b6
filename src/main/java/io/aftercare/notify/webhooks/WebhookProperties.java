package io.aftercare.notify.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.notify.webhooks.*}.
 *
 * @param keyFile               the Tink keyset that encrypts subscriptions' signing secrets (created on first use)
 * @param timeout               how long one delivery may take, connecting included
 * @param requireHttps          whether subscription URLs must be https
 * @param allowPrivateAddresses whether receivers on loopback, private or link-local addresses are allowed
 * @param minInterval           the shortest time between two deliveries to one subscription (zero: no limit)
 * @param logSize               how many recent tries a subscription's delivery log shows
 */
@ConfigurationProperties("aftercare.notify.webhooks")
public record WebhookProperties(@DefaultValue("./data/webhook-secrets-key.json") String keyFile,
                                @DefaultValue("15s") Duration timeout,
                                @DefaultValue("true") boolean requireHttps,
                                @DefaultValue("false") boolean allowPrivateAddresses,
                                @DefaultValue("0s") Duration minInterval,
                                @DefaultValue("50") int logSize) {
}
