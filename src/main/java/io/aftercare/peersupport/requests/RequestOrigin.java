package io.aftercare.peersupport.requests;

/** How a person came to ask: in their check-in answer, on their own, or by saying yes to an offer. */
public enum RequestOrigin {
    CHECK_IN, SELF, OFFER
}
