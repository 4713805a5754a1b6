package io.aftercare.peersupport.resources;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.aftercare.care.ProfessionalHelp;

/** Care's thank-you page asks peer support for professional help; the rule of which entries is {@link Resources}. */
@Component
class ResourcesForCare implements ProfessionalHelp {

    private final Resources resources;

    ResourcesForCare(Resources resources) {
        this.resources = resources;
    }

    @Override
    public Found forPlace(Locale place) {
        Resources.Found found = resources.forPlace(place);
        return new Found(found.entries().stream()
            .map(r -> new Entry(r.kind(), r.name(), r.description(), r.contact(), r.url())).toList(),
            found.forPlace());
    }
}
