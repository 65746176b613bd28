package org.centralis.shared.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version the code expects before anything else runs: applies the sql/
 * migrations with Flyway (on Oracle and on the embedded H2 alike), then checks that every entity
 * can be read, so a mapping that does not fit the schema stops the start-up instead of failing
 * later. JPA never generates schema.
 *
 * <p>The data source is configured from server-level MicroProfile Config (environment variables
 * such as {@code CENTRALIS_DB_URL}, or system properties): Payara resolves {@code ${MPCONFIG=…}}
 * in annotations at deployment, before the application's own config file is visible.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/centralis",
    className = "${MPCONFIG=centralis.db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
    url = "${MPCONFIG=centralis.db.url}",
    user = "${MPCONFIG=centralis.db.user:centralis}",
    password = "${MPCONFIG=centralis.db.password:centralis}",
    transactional = true,
    minPoolSize = 2,
    maxPoolSize = 48,
    properties = {"fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=auto-commit"})
@Singleton(name = "SchemaMigration")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:app/jdbc/centralis")
  private DataSource dataSource;

  @PersistenceContext private EntityManager em;

  @PostConstruct
  void migrate() {
    logDatabase();
    MigrateResult result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(() -> "Schema at version " + result.targetSchemaVersion + ", " + result.migrationsExecuted + " migrations applied now");
    for (EntityType<?> entity : em.getMetamodel().getEntities()) {
      em.createQuery("SELECT e FROM " + entity.getName() + " e").setMaxResults(1).getResultList();
    }
    LOG.info(() -> "All " + em.getMetamodel().getEntities().size() + " entities read from the schema");
  }

  /** Which database and driver serve the connections: the server may bring its own JDBC driver (docs/runtime.md). */
  private void logDatabase() {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      LOG.info(md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " through " + md.getDriverName() + " "
          + md.getDriverVersion());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a connection to " + dataSource, e);
    }
  }
}
