package io.aftercare.care.cases;

/** How a care case came to be; stored by name in {@code care_case.origin} and carried by {@code CareCaseOpened}. */
enum CaseOrigin {

    /** A resolved incident the trigger rules picked the person for. */
    INCIDENT,
    /** “I had a rough one”: the person opened it themselves. */
    SELF,
    /** The person accepted a lead's suggestion to check in. */
    SUGGESTED
}
