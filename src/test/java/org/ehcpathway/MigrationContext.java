package org.ehcpathway;

import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;

/** Runs one of the project's Java migrations by hand in a test, on a connection of the test's database. */
public final class MigrationContext {

  private MigrationContext() {
  }

  public static Context on(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
