package io.aftercare.care.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aftercare.care.cases.CareViews.StepView;

/**
 * A person's own measures over time, one point per answered check-in or follow-up (read by {@link OwnTrends} for
 * their charts and sentences): compared only with their own earlier answers, never with anyone else's, never
 * labelled.
 */
final class Measures {

    private Measures() {
    }

    /**
     * One answered check-in or follow-up.
     *
     * @param caseId the care case it belongs to
     * @param day    0 for a check-in
     */
    record Point(Instant at, UUID caseId, int day, Double stress, Double rumination, Double selfCriticism,
                 Double mistakes) {
    }

    static List<Point> points(List<StepView> steps) {
        List<Point> points = new ArrayList<>();
        for (StepView s : steps) {
            if (s.checkIn() != null) {
                points.add(new Point(s.answeredAt(), s.caseId(), 0, (double) s.checkIn().stress(), null, null, null));
            } else if (s.followUp() != null) {
                Map<String, Integer> items = s.followUp().items();
                points.add(new Point(s.answeredAt(), s.caseId(), s.day(), null,
                    mean(items, Answers.Measure.RUMINATION), mean(items, Answers.Measure.SELF_CRITICISM),
                    mean(items, Answers.Measure.CONCERN_OVER_MISTAKES)));
            }
        }
        points.sort(Comparator.comparing(Point::at));
        return points;
    }

    static Double value(Point p, Answers.Measure measure) {
        return switch (measure) {
            case RUMINATION -> p.rumination();
            case SELF_CRITICISM -> p.selfCriticism();
            case CONCERN_OVER_MISTAKES -> p.mistakes();
        };
    }

    private static Double mean(Map<String, Integer> items, Answers.Measure measure) {
        double sum = 0;
        int n = 0;
        for (Answers.Item item : Answers.Item.values()) {
            Integer v = items.get(item.key());
            if (item.measure == measure && v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : Math.round(sum / n * 10) / 10.0;
    }
}
