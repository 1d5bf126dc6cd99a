package org.ehcpathway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL ({@code mvn -Ppostgres}), the pool's connections plan without Materialize, which keeps Tasklist's
 * task queries from comparing every open task with every authorization (docs/performance.md). Skipped on H2.
 */
@PathwayIntegrationTest
class AuthorizationQueryPlanningTest {

  @Autowired DataSource dataSource;

  @Test
  void postgresConnectionsPlanWithoutMaterialize() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "PostgreSQL only");
      try (ResultSet rows = statement.executeQuery("SELECT current_setting('enable_material')")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("off");
      }
    }
  }
}
