package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestDatabase;

/**
 * Migration V47: the identity numbers of deliveries and timeline entries come from a large cache on H2 (fewer
 * commits of the catalogue), and from no cache on PostgreSQL (numbers in the order rows were written).
 */
@AftercareIT
class IdentityCacheIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachEngineHandsOutIdentityNumbersAsItShould() {
        List<Long> caches = TestDatabase.isPostgres()
            ? jdbc.sql("""
                    SELECT cache_size FROM pg_sequences WHERE schemaname || '.' || sequencename IN (
                        pg_get_serial_sequence('intake_delivery', 'seq'),
                        pg_get_serial_sequence('incident_timeline', 'seq'))""")
                .query(Long.class).list()
            : jdbc.sql("""
                    SELECT identity_cache FROM information_schema.columns
                    WHERE table_name IN ('intake_delivery', 'incident_timeline') AND column_name = 'seq'""")
                .query(Long.class).list();
        assertThat(caches).containsExactly(TestDatabase.isPostgres() ? 1L : 1024L,
            TestDatabase.isPostgres() ? 1L : 1024L);
    }
}
