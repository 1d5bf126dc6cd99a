package org.ehcpathway.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.ehcpathway.PathwayDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist's task queries in isolation ({@code mvn -o -Pbench verify -Dtest=TaskQueryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; docs/performance.md): {@code bench.tq.cases} requests are received (each
 * leaves the panel a task to decide whether to assess, and the engine an authorization row for it), then the four
 * shared filters' counts and the team filter's first page are timed as the panel and as a caseworker, through
 * {@code FilterService} with engine authorization, as {@code /engine-rest/filter?itemCount=true} runs them.
 * {@code -Dbench.tq.script=/tmp/file.sql} also writes the H2 database out for {@code EXPLAIN ANALYZE} by hand;
 * {@code -Dbench.url=jdbc:postgresql://127.0.0.1:5432/tq_plan} (an empty database, with
 * {@code -Dspring.datasource.username} and {@code .password}) runs it on PostgreSQL.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=${bench.url:jdbc:h2:mem:ehc-tq-bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256}",
    "ehc.demo-data.history-months=0", "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN"})
@ActiveProfiles("test")
@Tag("bench")
class TaskQueryBenchmark {

  @Autowired PathwayDriver driver;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired DataSource dataSource;

  @Test
  void benchmark() throws Exception {
    int cases = Integer.getInteger("bench.tq.cases", 3000);
    int repeats = Integer.getInteger("bench.tq.repeats", 20);
    driver.today("2026-10-01");
    long started = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      driver.receiveRequest("2026-10-01", "2019-01-01");
    }
    System.out.printf("%d requests received in %.1f s%n", cases, (System.nanoTime() - started) / 1e9);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      var rows = statement.executeQuery("select (select count(*) from ACT_RU_TASK), "
          + "(select count(*) from ACT_RU_AUTHORIZATION), (select count(*) from ACT_RU_IDENTITYLINK)");
      rows.next();
      System.out.printf("open tasks %d, authorization rows %d, identity links %d%n", rows.getLong(1),
          rows.getLong(2), rows.getLong(3));
      String script = System.getProperty("bench.tq.script");
      if (script != null && !script.isBlank()) {
        statement.execute("SCRIPT TO '" + script + "'");
      }
    }

    List<Filter> filters = filterService.createFilterQuery().orderByFilterId().asc().list();
    for (String user : List.of("panel", "caseworker", "manager")) {
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      identityService.setAuthentication(user, groups);
      try {
        for (Filter filter : filters) {
          time(user, "count " + filter.getName(), repeats, () -> filterService.count(filter.getId()));
        }
        Filter team = filters.stream().filter(f -> f.getName().equals("My team's tasks")).findFirst().orElseThrow();
        time(user, "first 15 of " + team.getName(), repeats,
            () -> (long) filterService.listPage(team.getId(), 0, 15).size());
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  private static void time(String user, String what, int repeats, Supplier<Long> query) {
    long result = query.get();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      query.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    System.out.printf("TQ %-10s %-30s result %5d  median %7.2f ms  max %7.2f ms%n", user, what, result,
        millis.get(millis.size() / 2), millis.get(millis.size() - 1));
  }
}
