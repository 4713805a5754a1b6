package io.aftercare.care.cases;

/** Why a case was closed; stored by name in {@code care_case.closed_reason} and carried by {@code CareCaseClosed}. */
enum CloseReason {

    /** Its last follow-up was answered. */
    COMPLETED,
    /** The person closed it. */
    PERSON
}
