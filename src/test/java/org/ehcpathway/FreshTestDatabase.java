package org.ehcpathway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * On PostgreSQL ({@code mvn -Ppostgres verify}), gives each test database a fresh start, as H2's in-memory databases
 * have: the first Spring context of a test JVM that uses database {@code ehc.test.database} drops and creates it on
 * the server at {@code ehc.test.postgres.url}. Later contexts in the same JVM share it, as they share an H2 memory
 * database. Does nothing on H2. Registered in {@code src/test/resources/META-INF/spring.factories}.
 *
 * <p>The database sorts text as a British council's would (ICU collation {@code en-GB}, whatever the server's own
 * locale: CI's is C.UTF-8, which sorts like H2), so a query whose order depends on the collation shows it.
 * {@code -Dehc.test.postgres.collation=} (empty) keeps the server's default.
 */
public class FreshTestDatabase implements EnvironmentPostProcessor {

  private static final Set<String> CREATED = new HashSet<>();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String server = environment.getProperty("ehc.test.postgres.url");
    if (server == null || server.isBlank()) {
      return;
    }
    String database = environment.getProperty("ehc.test.database", "ehc_test");
    if (!database.matches("(ehc|tq)_[a-z0-9_]+")) {
      throw new IllegalStateException("ehc.test.database must look like ehc_something or tq_something, not "
          + database);
    }
    synchronized (CREATED) {
      if (CREATED.add(database)) {
        recreate(server, database, environment.getProperty("ehc.test.postgres.user"),
            environment.getProperty("ehc.test.postgres.password"),
            environment.getProperty("ehc.test.postgres.collation", "en-GB"));
      }
    }
  }

  /** Drops and creates {@code database} on {@code server}; the benchmarks' bare engines use it too. */
  public static void recreate(String server, String database, String user, String password, String collation) {
    if (!collation.matches("[A-Za-z0-9-]*")) {
      throw new IllegalStateException("ehc.test.postgres.collation must be an ICU locale such as en-GB");
    }
    try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database + (collation.isEmpty() ? ""
          : " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '" + collation + "'"));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test database " + database + " on " + server
          + " (is PostgreSQL running, and may the role create databases? See docs/production.md)", e);
    }
  }
}
