package io.aftercare.insights.ruleset;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.shared.Months;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Window;

/**
 * The rule set (docs/insights.md, decision 0038). Whether a figure is shown is decided from who is in the sets alone:
 * <ol>
 * <li>at least k people in the group, the viewer not counted (rule 1);</li>
 * <li>a part only when it and its remainder within the whole reach k (rule 2), with secondary suppression
 * (rule 3) and, stricter, all parts hidden as soon as one is and when the parts do not split the whole exactly:
 * the whole less the parts shown would otherwise give the hidden ones' exact count;</li>
 * <li>only released months (rule 4);</li>
 * <li>per viewer and figure, a set is released only if it is the same as one released before or shares nobody with
 * any released before in an overlapping window (rule 5): then no sum or difference of released figures covers
 * fewer than k people, nor a smaller group than one already shown coarsely;</li>
 * </ol>
 * and what is shown is coarse (rule 6) and deterministic (rule 7): a set released before is given the same answer
 * again, even when someone in it has since been erased (decision 0046). A question gives either its whole or its parts,
 * never both: with the whole's exact count, the others' would give a part's exact count even where it reads "2 or
 * fewer", and a part of five who all answered alike would be read off it. Which of the two is shown depends on the
 * parts' sizes and the log, never on the answers.
 */
@Service
@EnableConfigurationProperties(InsightsProperties.class)
class StandardRuleSet implements RuleSet {

    /** The fewest others in a group that holds the viewer, whatever k (which is at least 3). */
    static final int WITH_VIEWER = 4;

    private final int k;
    private final ReleaseLog log;
    private final Clock clock;

    StandardRuleSet(InsightsProperties properties, ReleaseLog log, Clock clock) {
        this.k = properties.k();
        this.log = log;
        this.clock = clock;
    }

    @Override
    public int k() {
        return k;
    }

    @Override
    @Transactional
    public Release release(UUID viewer, Question question) {
        if (question.window() instanceof Window.Months months && !Months.released(months.last(), clock.instant())) {
            throw Months.notReleased();
        }
        log.lock(viewer);
        List<ReleaseLog.Summary> earlier = log.released(viewer, question.figure()).stream()
            .filter(e -> overlap(e.window(), question.window())).toList();

        List<Figure> parts = new ArrayList<>();
        List<Set<UUID>> partSets = new ArrayList<>();
        boolean[] open = partsOpen(question, viewer, earlier);
        boolean allOpen = open.length > 0;
        for (boolean o : open) {
            allOpen &= o;
        }
        for (Cell part : question.parts()) {
            Set<UUID> set = others(part, viewer);
            partSets.add(set);
            Optional<ReleaseLog.Summary> frozenPart = allOpen ? frozen(set, earlier) : Optional.empty();
            parts.add(!allOpen ? new Figure.Hidden() : frozenPart.isPresent() ? frozenPart.get().published()
                : Coarse.figure(question.statistic(), part.values()));
        }

        // with every part shown, the whole less the other parts would give each part's exact count, even where it
        // reads "2 or fewer": the whole is hidden then, and not looked up
        Set<UUID> whole = others(question.whole(), viewer);
        Figure wholeFigure = new Figure.Hidden();
        if (!allOpen) {
            Optional<ReleaseLog.Summary> frozenWhole = frozen(whole, earlier);
            wholeFigure = frozenWhole.isPresent() ? frozenWhole.get().published()
                : big(question.whole(), viewer) && shown(viewer, whole, earlier)
                    ? Coarse.figure(question.statistic(), question.whole().values()) : new Figure.Hidden();
        }

        // the sets already in the log as they are (an erased person's token is no one's id: those never match)
        List<String> logged = new ArrayList<>(earlier.stream().filter(e -> !e.erased())
            .map(ReleaseLog.Summary::digest).toList());
        if (!(wholeFigure instanceof Figure.Hidden)) {
            remember(viewer, question, whole, wholeFigure, logged, earlier);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Figure.Hidden)) {
                remember(viewer, question, partSets.get(i), parts.get(i), logged, earlier);
            }
        }
        return new Release(wholeFigure, parts);
    }

    @Override
    public List<Figure> together(List<Figure> options, Set<Integer> summed, Figure sum, boolean skippable) {
        List<Figure> all = new ArrayList<>(options);
        if (sum != null) {
            all.add(sum);
        }
        // hidden for their group's size, they are all hidden alike (one set of respondents): nothing to work out
        if (!all.stream().allMatch(Figure.Share.class::isInstance)) {
            return all;
        }
        return List.copyOf(Distribution.together(options.stream().map(Figure.Share.class::cast).toList(), skippable,
            summed, (Figure.Share) sum));
    }

    /**
     * Rules 2 and 3, and stricter: which parts may be shown. Each part that is open here is open under the rules as
     * written; then, as one hidden part (or an uncovered remainder) lets the whole less the others give its count,
     * either every part is open or none.
     */
    private boolean[] partsOpen(Question question, UUID viewer, List<ReleaseLog.Summary> earlier) {
        List<Cell> parts = question.parts();
        boolean[] open = new boolean[parts.size()];
        if (parts.isEmpty()) {
            return open;
        }
        Set<UUID> whole = others(question.whole(), viewer);
        List<Set<UUID>> sets = parts.stream().map(p -> others(p, viewer)).toList();
        if (!partition(whole, sets) || !partition(question.whole().people(),
            parts.stream().map(Cell::people).toList())) {
            return open;
        }
        // a set someone has been erased from since it was released counts as large as it was then (decision 0046)
        List<Integer> sizes = sets.stream()
            .map(set -> frozen(set, earlier).map(ReleaseLog.Summary::size).orElse(set.size())).toList();
        List<Boolean> byRules = Suppression.open(sizes, k, sizes.stream().mapToInt(Integer::intValue).sum());
        if (byRules.contains(false)) {
            return open;
        }
        // one part closed closes them all: the log is asked about the others only while each so far is open
        for (int i = 0; i < open.length; i++) {
            open[i] = frozen(sets.get(i), earlier).isPresent()
                || big(parts.get(i), viewer) && shown(viewer, sets.get(i), earlier);
            if (!open[i]) {
                return new boolean[parts.size()];
            }
        }
        return open;
    }

    /** Whether the sets are pairwise disjoint and together exactly {@code whole}. */
    private static boolean partition(Set<UUID> whole, List<Set<UUID>> sets) {
        Set<UUID> seen = new HashSet<>();
        for (Set<UUID> set : sets) {
            for (UUID person : set) {
                if (!seen.add(person)) {
                    return false;
                }
            }
        }
        return seen.equals(whole);
    }

    /**
     * A group that holds the viewer needs at least {@value #WITH_VIEWER} others as well as k: the viewer knows their
     * own answer, and "all but 2 or fewer" of themselves and three others, when they answered no, would say that the
     * three all answered yes.
     */
    private boolean big(Cell cell, UUID viewer) {
        return !cell.people().contains(viewer) || cell.people().size() - 1 >= WITH_VIEWER;
    }

    /**
     * Rules 1 and 5 for one set: big enough, and the same as or apart from everything released before. The same set
     * is found by its digest; only a set that is not asks the log whether it shares anyone with the earlier ones.
     */
    private boolean shown(UUID viewer, Set<UUID> set, List<ReleaseLog.Summary> earlier) {
        if (set.size() < k) {
            return false;
        }
        if (earlier.isEmpty()) {
            return true;
        }
        String digest = digest(set);
        if (earlier.stream().anyMatch(e -> !e.erased() && e.size() == set.size() && e.digest().equals(digest))) {
            return true;
        }
        return !log.shareAnyone(viewer, earlier, set);
    }

    private void remember(UUID viewer, Question question, Set<UUID> set, Figure published, List<String> logged,
                          List<ReleaseLog.Summary> earlier) {
        String digest = digest(set);
        if (!logged.contains(digest) && frozen(set, earlier).isEmpty()) {
            log.record(viewer, new ReleaseLog.Entry(question.figure(), question.window(), set, Set.of(), published));
            logged.add(digest);
        }
    }

    /**
     * A set released before from which someone has since been erased, and which is otherwise this set: it is given
     * the answer it was given then, not one worked out again without them, so that the two together cannot tell what
     * the erased person answered and a viewer's page does not change under them. Without a kept answer (released
     * before answers were kept) there is none, and the set is refused as any other overlapping one.
     */
    private static Optional<ReleaseLog.Summary> frozen(Set<UUID> set, List<ReleaseLog.Summary> earlier) {
        if (earlier.stream().noneMatch(ReleaseLog.Summary::erased)) {
            return Optional.empty();
        }
        String digest = digest(set);
        return earlier.stream()
            .filter(e -> e.erased() && e.published() != null && !(e.published() instanceof Figure.Hidden)
                && e.digest().equals(digest))
            .findFirst();
    }

    /** The key under which a transaction's sets less their viewer are bound. */
    private static final Object OTHERS = new Object();

    /**
     * The cell's people less the viewer: the cell's own (unmodifiable) set when the viewer is not in it, else one
     * copy without them a transaction, so that a set asked about under many figures is one set, digested once.
     */
    private static Set<UUID> others(Cell cell, UUID viewer) {
        Set<UUID> people = cell.people();
        if (!people.contains(viewer)) {
            return people;
        }
        Map<Set<UUID>, Map<UUID, Set<UUID>>> known = TransactionBound.get(OTHERS, IdentityHashMap::new);
        return known.computeIfAbsent(people, p -> new HashMap<>()).computeIfAbsent(viewer, v -> {
            Set<UUID> others = new HashSet<>(people);
            others.remove(v);
            return Set.copyOf(others);
        });
    }

    private static String digest(Set<UUID> set) {
        return SetDigest.cached(set);
    }

    /** Whether two windows can hold the same answers: overlapping months, or the same poll round. */
    static boolean overlap(Window a, Window b) {
        if (a instanceof Window.Months x && b instanceof Window.Months y) {
            return !x.last().isBefore(y.first()) && !y.last().isBefore(x.first());
        }
        return a.equals(b);
    }
}
