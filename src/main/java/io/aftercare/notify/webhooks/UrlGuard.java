package io.aftercare.notify.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may go: absolute http(s) URLs without credentials in them; https only and no loopback, private,
 * link-local or multicast address unless the operator allows it ({@code aftercare.notify.webhooks.*}). The address
 * is checked again before every delivery, so a name that later resolves inward is refused then.
 */
final class UrlGuard {

    private UrlGuard() {
    }

    /** Why the URL cannot be used, or empty when it can (the host is not resolved here). */
    static Optional<String> problem(String url, boolean requireHttps) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(requireHttps ? "must start with https://" : "must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("needs a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        return Optional.empty();
    }

    /** Why the URL's host may not be called now, or empty when it may. */
    static Optional<String> addressProblem(URI uri, boolean allowPrivate) {
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (inward(address)) {
                    return Optional.of("the receiver's address is a private or local one");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the receiver's host name does not resolve");
        }
    }

    static boolean inward(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
            || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) is inward too; 169.254.0.0/16 (cloud metadata) is link-local above
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
