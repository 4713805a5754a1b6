package io.aftercare.peersupport.requests;

/** What coordinators are shown about a request ({@code support_notice.kind}). */
enum NoticeKind {
    /** Nobody eligible was free to take it. */
    NOBODY_ELIGIBLE,
    /** The supporter acknowledged and did not mark contact made in time. */
    CONTACT_OVERDUE
}
