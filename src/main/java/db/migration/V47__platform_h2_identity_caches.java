package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: the two identity columns written with every webhook delivery and every timeline entry hand out numbers
 * from a cache of 1,024 instead of H2's 32. H2 writes the next free number to its catalogue each time the cache runs
 * out, in a commit of its own, so at 2,000 deliveries a second the default cost as many extra commits (each a write
 * of the database file) as a fifth of the deliveries' own. After a crash the numbers go on from the last cache's end;
 * they are only an order, gaps do not matter.
 *
 * <p>PostgreSQL keeps its default (no cache): there a cache is per connection, and numbers handed out from several
 * connections' caches would no longer follow the order the rows were written in. The migration set stays one for both
 * engines; this step does nothing on PostgreSQL.
 */
public class V47__platform_h2_identity_caches extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE intake_delivery ALTER COLUMN seq SET CACHE 1024");
            statement.execute("ALTER TABLE incident_timeline ALTER COLUMN seq SET CACHE 1024");
        }
    }
}
