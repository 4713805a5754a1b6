package io.aftercare.incidents;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for a link an incident may carry to its page in another tool: an absolute http or https URL with a
 * host, at most 2000 characters. Anything else (javascript:, data:, a relative path) is never shown as a link.
 */
public final class WebLink {

    public static final int MAX_LENGTH = 2000;

    private WebLink() {
    }

    public static boolean isValid(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The link if it keeps the rule, else null: for tools whose links are taken when they can be, never refused. */
    public static String orNull(String url) {
        return isValid(url) ? url : null;
    }
}
