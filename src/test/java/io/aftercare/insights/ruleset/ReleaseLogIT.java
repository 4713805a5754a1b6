package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.support.AftercareIT;

/** The rule set with its release log in the database: what a viewer was shown holds across releases. */
@AftercareIT
class ReleaseLogIT {

    static final Window SEPTEMBER = Window.Months.of(YearMonth.of(2026, 9));

    @Autowired
    RuleSet rules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcReleaseLog log;

    @Autowired
    PlatformTransactionManager transactionManager;

    static Cell cell(List<UUID> people, int yes) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            values.add(i < yes ? 1 : 0);
        }
        return new Cell("all", new LinkedHashSet<>(people), values);
    }

    static List<UUID> people(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }

    long logged(UUID viewer) {
        return jdbc.sql("SELECT COUNT(*) FROM insights_release WHERE viewer_id = ?").param(viewer)
            .query(Long.class).single();
    }

    @Test
    void aSetPaddedWithOnePersonIsRefusedAfterTheFirstWasShownAndTheSameSetIsShownAgain() {
        UUID viewer = UUID.randomUUID();
        List<UUID> team = people(7);
        Question first = Question.of("test.stressed", Statistic.SHARE, SEPTEMBER, cell(team, 3));
        assertThat(rules.release(viewer, first).whole()).isEqualTo(new Figure.Share(3, 7, 42.9, Figure.Edge.EXACT));
        assertThat(logged(viewer)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_release_member m JOIN insights_release r"
            + " ON r.id = m.release_id WHERE r.viewer_id = ?").param(viewer).query(Long.class).single()).isEqualTo(7);

        List<UUID> padded = new ArrayList<>(team);
        padded.add(UUID.randomUUID());
        Question tracker = Question.of("test.stressed", Statistic.SHARE, SEPTEMBER, cell(padded, 4));
        assertThat(rules.release(viewer, tracker).whole()).isEqualTo(new Figure.Hidden());

        assertThat(rules.release(viewer, first).whole()).isInstanceOf(Figure.Share.class);
        assertThat(logged(viewer)).as("nothing new logged").isEqualTo(1);
        assertThat(rules.release(UUID.randomUUID(), tracker).whole()).as("someone else's log is their own")
            .isInstanceOf(Figure.Share.class);
    }

    @Test
    void aSetOfTheWholeOrganisationIsLoggedWholeAndFoundAgain() {
        UUID viewer = UUID.randomUUID();
        List<UUID> everyone = people(1_234);
        Question month = Question.of("test.everyone", Statistic.SHARE, SEPTEMBER, cell(everyone, 400));
        assertThat(rules.release(viewer, month).whole()).isEqualTo(new Figure.Share(400, 1_234, 32.4, Figure.Edge.EXACT));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM insights_release_member m JOIN insights_release r ON r.id = m.release_id
                WHERE r.viewer_id = ?""")
            .param(viewer).query(Long.class).single())
            .isEqualTo(1_234);

        // the same people in another order are the same set; the same set less one is not
        List<UUID> reversed = new ArrayList<>(everyone);
        java.util.Collections.reverse(reversed);
        assertThat(rules.release(viewer, Question.of("test.everyone", Statistic.SHARE, SEPTEMBER, cell(reversed, 400)))
            .whole()).isInstanceOf(Figure.Share.class);
        assertThat(rules.release(viewer, Question.of("test.everyone", Statistic.SHARE, SEPTEMBER,
            cell(everyone.subList(1, everyone.size()), 400))).whole()).isEqualTo(new Figure.Hidden());
        assertThat(logged(viewer)).as("nothing new logged").isEqualTo(1);
    }

    long members(UUID viewer) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM insights_release_member m JOIN insights_release r ON r.id = m.release_id
                WHERE r.viewer_id = ?""")
            .param(viewer).query(Long.class).single();
    }

    @Test
    void aRoundsRespondentsAreKeptOnceForAllItsFiguresAndEachKeepsItsAnswerAfterAnErasure() {
        UUID viewer = UUID.randomUUID();
        List<UUID> round = people(12);
        List<Figure> before = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            Figure shown = rules.release(viewer, Question.of("test.round.c" + c, Statistic.SHARE, SEPTEMBER,
                cell(round, c + 3))).whole();
            assertThat(shown).isInstanceOf(Figure.Share.class);
            before.add(shown);
        }
        assertThat(logged(viewer)).isEqualTo(5);
        assertThat(members(viewer)).as("the same twelve people kept once, not once a figure").isEqualTo(12);

        // the first of them, who answered yes to every figure, is erased
        log.erase(round.get(0));
        assertThat(members(viewer)).as("still counted, as a token").isEqualTo(12);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_release WHERE set_digest = ?").param(SetDigest.of(round))
            .query(Long.class).single()).as("no digest worked out from the erased person's id is kept").isZero();
        List<UUID> left = round.subList(1, round.size());
        for (int c = 0; c < 5; c++) {
            assertThat(rules.release(viewer, Question.of("test.round.c" + c, Statistic.SHARE, SEPTEMBER,
                cell(left, c + 2))).whole()).as("figure %d as it was given", c).isEqualTo(before.get(c));
        }
        assertThat(logged(viewer)).as("nothing new logged").isEqualTo(5);
        assertThat(before.get(2)).isEqualTo(new Figure.Share(5, 12, 41.7, Figure.Edge.EXACT));
        assertThat(rules.release(UUID.randomUUID(), Question.of("test.round.c2", Statistic.SHARE, SEPTEMBER,
            cell(left, 4))).whole()).as("someone shown nothing before is given the set as it is now")
            .isEqualTo(new Figure.Share(4, 11, 36.4, Figure.Edge.EXACT));
    }

    @Test
    void oneReportsFiguresAreHeldAgainstEachOtherBeforeTheyAreWrittenAndAllWrittenWhenItCommits() {
        UUID viewer = UUID.randomUUID();
        List<UUID> team = people(7);
        List<UUID> padded = new ArrayList<>(team);
        padded.add(UUID.randomUUID());
        Question tracker = Question.of("test.stressed", Statistic.SHARE, SEPTEMBER, cell(padded, 4));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            assertThat(rules.release(viewer, Question.of("test.stressed", Statistic.SHARE, SEPTEMBER, cell(team, 3)))
                .whole()).isEqualTo(new Figure.Share(3, 7, 42.9, Figure.Edge.EXACT));
            assertThat(rules.release(viewer, tracker).whole()).as("the padded set, later in the same report")
                .isEqualTo(new Figure.Hidden());
            assertThat(rules.release(viewer, Question.of("test.effects", Statistic.SHARE, SEPTEMBER, cell(team, 4)))
                .whole()).isEqualTo(new Figure.Share(4, 7, 57.1, Figure.Edge.EXACT));
            assertThat(rules.release(viewer, Question.of("test.reached", Statistic.SHARE, SEPTEMBER,
                cell(people(6), 3))).whole()).isEqualTo(new Figure.Share(3, 6, 50.0, Figure.Edge.EXACT));
        });
        assertThat(logged(viewer)).isEqualTo(3);
        assertThat(members(viewer)).as("the team kept once for its two figures, and the other six").isEqualTo(13);
        assertThat(rules.release(viewer, tracker).whole()).as("the padded set, in the next report")
            .isEqualTo(new Figure.Hidden());

        UUID another = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            assertThat(rules.release(another, Question.of("test.stressed", Statistic.SHARE, SEPTEMBER, cell(team, 3)))
                .whole()).isInstanceOf(Figure.Share.class);
            status.setRollbackOnly();
        });
        assertThat(logged(another)).as("a report that failed logged nothing").isZero();
        assertThat(rules.release(another, tracker).whole()).as("so the padded set is new to them")
            .isEqualTo(new Figure.Share(4, 8, 50.0, Figure.Edge.EXACT));
    }

    @Test
    void aSetLoggedBeforeDigestsWereKeptIsFoundAgainAndGivenOne() {
        UUID viewer = UUID.randomUUID();
        List<UUID> team = people(7);
        Question first = Question.of("test.kept", Statistic.SHARE, SEPTEMBER, cell(team, 3));
        Figure shown = rules.release(viewer, first).whole();
        jdbc.sql("UPDATE insights_release SET set_size = NULL, erased_count = NULL, set_digest = NULL"
            + " WHERE viewer_id = ?").param(viewer).update();

        assertThat(rules.release(viewer, first).whole()).isEqualTo(shown);
        List<UUID> padded = new ArrayList<>(team);
        padded.add(UUID.randomUUID());
        assertThat(rules.release(viewer, Question.of("test.kept", Statistic.SHARE, SEPTEMBER, cell(padded, 4)))
            .whole()).isEqualTo(new Figure.Hidden());
        assertThat(logged(viewer)).as("nothing new logged").isEqualTo(1);
        assertThat(jdbc.sql("SELECT set_digest FROM insights_release WHERE viewer_id = ?").param(viewer)
            .query(String.class).single()).isEqualTo(SetDigest.of(team));
    }
}
