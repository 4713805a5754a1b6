package io.aftercare.peersupport.requests;

/** Who closed a request ({@code support_request.closed_by}). */
enum ClosedBy {
    PERSON, SUPPORTER
}
