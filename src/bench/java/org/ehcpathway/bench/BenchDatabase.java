package org.ehcpathway.bench;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.ehcpathway.FreshTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a benchmark's databases live: H2 in memory by default, or the PostgreSQL server of {@code -Ppostgres}
 * ({@code ehc.test.postgres.url}, the server of {@code tools/postgres/start-test-server.sh}), where the product's
 * database is {@code ehc.test.database} (made empty by {@code FreshTestDatabase}) and each bare engine gets one
 * of its own.
 */
final class BenchDatabase {

  private static final String SERVER = System.getProperty("ehc.test.postgres.url");

  private BenchDatabase() {
  }

  static boolean postgres() {
    return SERVER != null && !SERVER.isBlank();
  }

  /** {@code -Ppostgres,bench} or {@code -Pbench}: for the command printed with the figures. */
  static String profiles() {
    return postgres() ? "-Ppostgres,bench" : "-Pbench";
  }

  /** On H2, the product's in-memory database with the statement cache of the product's own configuration. */
  static void h2UnlessPostgres(DynamicPropertyRegistry registry, String name) {
    if (!postgres()) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE="
          + Integer.getInteger("bench.h2QueryCache", 256));
    }
  }

  /** "H2 in memory" or "PostgreSQL 15.18 (...)". */
  static String describe(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName().toLowerCase().contains("postgres")
          ? "PostgreSQL " + meta.getDatabaseProductVersion() + " on the same machine" : "H2 in memory";
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A bare engine's database, {@code database} (such as {@code ehc_pathway_bench_bare_full}): in H2's memory, or a
   * fresh database of that name on the PostgreSQL server.
   */
  static void configureBare(ProcessEngineConfigurationImpl configuration, String database) {
    if (!postgres()) {
      configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
      return;
    }
    String user = System.getProperty("ehc.test.postgres.user");
    String password = System.getProperty("ehc.test.postgres.password");
    FreshTestDatabase.recreate(SERVER, database, user, password, "en-GB");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcUrl(SERVER + database);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setDatabaseSchemaUpdate("true");
  }
}
