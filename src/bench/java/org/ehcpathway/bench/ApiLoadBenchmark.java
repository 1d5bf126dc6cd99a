package org.ehcpathway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ehcpathway.simulation.HistoryGenerator;
import org.ehcpathway.simulation.HistorySettingsReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * API latency under concurrent users ({@code mvn -o -Pbench verify -Dtest=ApiLoadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; docs/performance.md). The real application over HTTP, with a few months
 * of simulated history; {@code bench.api.users} virtual users (threads, each with its own HTTP connection, HTTP
 * Basic as the demo users) run their role's session: caseworkers and panel members work their team's tasks as
 * Tasklist does (filter counts, the team's list, the task's form variables, complete) and open the case, caseworkers
 * also log new requests and read case lists, reviews and the outbox; advisers work their agency's tasks; managers
 * read the dashboard, the reports, the case list and cases. Two measured phases after a warm-up: with think time
 * (exponential, mean {@code bench.api.thinkMillis}) and closed loop with none (a stress figure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${bench.api.url:jdbc:h2:mem:ehc-api-bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256}",
    "ehc.demo-data.history-months=0", "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@Tag("bench")
class ApiLoadBenchmark {

  /** The roles and how many of the virtual users have each: a council's SEN team and the people around it. */
  enum Role {
    CASEWORKER("caseworker", 20), PANEL("panel", 5), HEALTH("health", 4), SOCIAL_CARE("socialcare", 4),
    EP("ep", 4), SCHOOL("school", 5), MANAGER("manager", 8);

    final String user;
    final int share;

    Role(String user, int share) {
      this.user = user;
      this.share = share;
    }

    boolean readsCases() {
      return this == CASEWORKER || this == PANEL;
    }
  }

  /** One request: what kind, how long, the status, and whether a non-2xx was an expected answer. */
  record Sample(String kind, long nanos, int status, boolean expected, String detail) {
    boolean error() {
      return status / 100 != 2 && !expected;
    }
  }

  record Phase(String name, double thinkMillis, double seconds, List<Sample> samples, String loadBefore,
      String loadAfter) {
  }

  private static final String TEAM_FILTER = "My team's tasks";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort int port;
  @Autowired HistoryGenerator generator;
  @Autowired HistorySettingsReader reader;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;
  @Value("${server.tomcat.threads.max:200}") int tomcatThreads;

  /** Tasks a virtual user has taken: users of a role share one login, so they share out tasks here as a team does. */
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private LocalDate today;

  @Test
  void benchmark() throws Exception {
    int users = Integer.getInteger("bench.api.users", 50);
    int warmUp = Integer.getInteger("bench.api.warmUpSeconds", 120);
    int seconds = Integer.getInteger("bench.api.seconds", 60);
    int stressSeconds = Integer.getInteger("bench.api.stressSeconds", 60);
    int think = Integer.getInteger("bench.api.thinkMillis", 1000);
    int months = Integer.getInteger("bench.api.months", 3);
    int perMonth = Integer.getInteger("bench.api.requestsPerMonth", 80);
    int plans = Integer.getInteger("bench.api.existingPlans", 50);

    // -Dbench.api.url=jdbc:postgresql://127.0.0.1:5432/tq_api (an empty database; with -Dspring.datasource.username
    // and .password) runs the same on PostgreSQL and writes the api-postgres block instead of api.
    String url = System.getProperty("bench.api.url");
    String initSql = System.getProperty("spring.datasource.hikari.connection-init-sql", "");
    String loadStart = Machine.load();
    HistoryGenerator.HistoryResult history = generator.generate(reader.read(json.valueToTree(Map.of(
        "months", months, "requestsPerMonth", perMonth, "existingPlans", plans))), "bench");
    today = LocalDate.parse(json.readTree(client().send(request(Role.MANAGER, "/api/simulation/clock").build(),
        HttpResponse.BodyHandlers.ofString()).body()).get("today").asText());

    run("warm-up", users, warmUp, 0);
    boolean statistics = Boolean.getBoolean("bench.queryStatistics") && url == null;
    if (statistics) {
      jdbc().execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
      jdbc().execute("SET QUERY_STATISTICS TRUE");
    }
    Phase withThink = run("think time", users, seconds, think);
    if (statistics) {
      writeQueryStatistics(withThink);
    }
    Phase stress = run("no think time", users, stressSeconds, 0);
    String command = "mvn -o -Pbench verify -Dtest=ApiLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dbench.api.users=" + users + " -Dbench.api.thinkMillis=" + think + " -Dbench.api.warmUpSeconds=" + warmUp
        + " -Dbench.api.seconds=" + seconds + " -Dbench.api.stressSeconds=" + stressSeconds + " -Dbench.api.months="
        + months + " -Dbench.api.requestsPerMonth=" + perMonth + " -Dbench.api.existingPlans=" + plans
        + (url == null ? "" : " -Dbench.api.url=" + url + " -Dspring.datasource.username=..."
            + " -Dspring.datasource.password=..."
            + (initSql.isEmpty() ? "" : " \"-Dspring.datasource.hikari.connection-init-sql=" + initSql + "\""));
    String text = report(users, command, loadStart, history, List.of(withThink, stress));
    System.out.println(text);
    PerformanceDoc.write(url == null ? "api" : "api-postgres", text, url == null ? "api.md" : "api-postgres.md");
  }

  /**
   * With {@code -Dbench.queryStatistics=true} (H2 only): the think-time phase's SQL statements by H2's cumulative
   * execution time, in {@code target/bench/statements-api.txt}, to see where the server's time goes.
   */
  private void writeQueryStatistics(Phase phase) throws IOException {
    StringBuilder out = new StringBuilder("Statements of the think-time phase (" + phase.samples().size()
        + " requests), by H2's cumulative execution time\n");
    jdbc().query("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME FROM"
        + " INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC", rs -> {
          out.append(String.format("%9.1f ms %7d x  %s%n", rs.getDouble(3), rs.getLong(2),
              rs.getString(1).replaceAll("\\s+", " ")));
        });
    jdbc().execute("SET QUERY_STATISTICS FALSE");
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench", "statements-api.txt"), out);
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  private Phase run(String name, int users, int seconds, double thinkMillis) throws InterruptedException, IOException {
    String before = Machine.load();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<List<Sample>> perUser = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<Role> roles = roles(users);
    long started = System.nanoTime();
    for (int i = 0; i < users; i++) {
      List<Sample> samples = new ArrayList<>();
      perUser.add(samples);
      VirtualUser user = new VirtualUser(roles.get(i), new SplittableRandom(i * 7919L + name.hashCode()), thinkMillis,
          deadline, samples);
      Thread thread = new Thread(user, "vu-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double wall = (System.nanoTime() - started) / 1e9;
    List<Sample> all = perUser.stream().flatMap(List::stream).toList();
    return new Phase(name, thinkMillis, wall, all, before, Machine.load());
  }

  /** The role of each virtual user, in the proportions of {@link Role#share}. */
  static List<Role> roles(int users) {
    int total = 0;
    for (Role role : Role.values()) {
      total += role.share;
    }
    List<Role> roles = new ArrayList<>();
    double carried = 0;
    for (Role role : Role.values()) {
      carried += (double) role.share * users / total;
      while (roles.size() < Math.round(carried)) {
        roles.add(role);
      }
    }
    return roles;
  }

  private final class VirtualUser implements Runnable {

    private final Role role;
    private final SplittableRandom random;
    private final double thinkMillis;
    private final long deadline;
    private final List<Sample> samples;
    private final HttpClient http = client();
    private String teamFilter;

    VirtualUser(Role role, SplittableRandom random, double thinkMillis, long deadline, List<Sample> samples) {
      this.role = role;
      this.random = random;
      this.thinkMillis = thinkMillis;
      this.deadline = deadline;
      this.samples = samples;
    }

    @Override
    public void run() {
      try {
        think();   // users arrive over the first second, not all in the same millisecond (which queued 50 at once)
        while (System.nanoTime() < deadline) {
          if (role == Role.MANAGER) {
            managerSession();
          } else {
            taskSession();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Tasklist: the filters with their counts, the team's list, a task's form, complete it; the case alongside. */
    private void taskSession() throws InterruptedException {
      JsonNode filters = call("tasklist filters with counts", "GET", "/engine-rest/filter?resourceType=Task"
          + "&itemCount=true", null, false);
      if (filters == null) {
        return;
      }
      if (teamFilter == null) {
        for (JsonNode filter : filters) {
          if (TEAM_FILTER.equals(filter.path("name").asText())) {
            teamFilter = filter.get("id").asText();
          }
        }
      }
      JsonNode list = call("task list (team filter)", "POST", "/engine-rest/filter/" + teamFilter
          + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}",
          false);
      JsonNode task = list == null ? null : pick(list.path("_embedded").path("task"));
      if (task != null) {
        String id = task.get("id").asText();
        String reference = variable(task, "caseReference");
        if (role.readsCases() && reference != null) {
          call("case view", "GET", "/api/cases/" + reference, null, false);
        }
        JsonNode form = call("task form variables", "GET", "/engine-rest/task/" + id + "/form-variables", null,
            false);
        boolean adulthood = form != null && form.path("preparingForAdulthood").path("value").asBoolean(false);
        call("task complete", "POST", "/engine-rest/task/" + id + "/complete",
            completion(task.get("taskDefinitionKey").asText(), adulthood), true);
      }
      if (role == Role.CASEWORKER) {
        caseworkerExtras();
      }
    }

    private void caseworkerExtras() throws InterruptedException {
      if (random.nextDouble() < 0.25) {
        call("case create", "POST", "/api/cases", newRequest(), false);
      }
      if (random.nextDouble() < 0.3) {
        call("case list", "GET", "/api/cases?status=OPEN&page=0&size=50", null, false);
      }
      if (random.nextDouble() < 0.1) {
        call("reviews of the month", "GET", "/api/reviews?due=" + today.toString().substring(0, 7), null, false);
      }
      if (random.nextDouble() < 0.1) {
        call("notifications", "GET", "/api/notifications?page=0&size=50", null, false);
      }
    }

    private void managerSession() throws InterruptedException {
      call("dashboard (HTML)", "GET", "/dashboard", null, false);
      call("timeliness report", "GET", "/api/reports/timeliness?from=" + today.withDayOfYear(1) + "&to=" + today,
          null, false);
      JsonNode atRisk = call("at-risk report", "GET", "/api/reports/at-risk", null, false);
      if (atRisk != null && atRisk.size() > 0) {
        call("case view", "GET", "/api/cases/" + atRisk.get(random.nextInt(atRisk.size())).get("caseReference")
            .asText(), null, false);
      }
      if (random.nextDouble() < 0.3) {
        call("case list", "GET", "/api/cases?status=OPEN&page=0&size=50", null, false);
      }
    }

    /** The first task in the list that no other virtual user has taken (the list is the whole team's). */
    private JsonNode pick(JsonNode tasks) {
      for (JsonNode task : tasks) {
        if (taken.add(task.get("id").asText())) {
          return task;
        }
      }
      return null;
    }

    /**
     * Sends one request as this role's user, records it and thinks afterwards. For a completion, a 400 (the
     * product's rules refusing the step, such as a final plan inside the family's 15 days) and a 404 (the task
     * ended meanwhile, such as an adviser's task closed by the late-advice decision) are answers, not failures.
     */
    private JsonNode call(String kind, String method, String path, String body, boolean completion)
        throws InterruptedException {
      if (System.nanoTime() >= deadline) {
        return null;
      }
      HttpRequest.Builder builder = request(role, path);
      if (body != null) {
        builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      if (path.contains("/list")) {
        builder.setHeader("Accept", "application/hal+json");
      }
      long start = System.nanoTime();
      JsonNode answer = null;
      int status;
      String detail = null;
      try {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status / 100 == 2 && !response.body().isEmpty() && !kind.contains("HTML")) {
          answer = json.readTree(response.body());
        } else if (status / 100 != 2) {
          detail = response.body().length() > 160 ? response.body().substring(0, 160) : response.body();
        }
      } catch (IOException e) {
        status = 0;
        detail = e.getClass().getSimpleName();
      }
      samples.add(new Sample(kind, System.nanoTime() - start, status,
          completion && (status == 400 || status == 404), detail));
      think();
      return answer;
    }

    private void think() throws InterruptedException {
      if (thinkMillis > 0) {
        Thread.sleep((long) (-thinkMillis * Math.log(1 - random.nextDouble())));
      }
    }

    /** What each task's form submits (forms/*.form), with the choices most cases take. */
    private String completion(String taskKey, boolean preparingForAdulthood) {
      Map<String, Object> values = switch (taskKey) {
        case "decideWhetherToAssess" -> random.nextDouble() < 0.25
            ? Map.of("decision", "DO_NOT_ASSESS", "reason", "SEN support can meet the needs.")
            : Map.of("decision", "ASSESS", "reason", "Evidence of needs SEN support has not met.",
                "adviceTypes", List.of("EDUCATIONAL", "HEALTH", "PSYCHOLOGICAL", "SOCIAL_CARE"));
        case "decideWhetherToIssue" -> random.nextDouble() < 0.06
            ? Map.of("decision", "DO_NOT_ISSUE", "reason", "Needs can be met from the school's resources.")
            : Map.of("decision", "ISSUE", "reason", "Provision beyond SEN support is needed.");
        case "agreeProvision" -> Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_2");
        case "provideAdvice" -> Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Needs and provision described.");
        case "submitReviewReport" -> preparingForAdulthood
            ? Map.of("recommendation", "MAINTAIN", "summary", "Progress reviewed.",
                "adulthoodOutcomes", "Travel training planned.")
            : Map.of("recommendation", "MAINTAIN", "summary", "Progress reviewed.");
        case "decideOnLateAdvice" -> Map.of("lateAdviceDecision", "EXISTING_ADVICE_SUFFICIENT",
            "reason", "Last year's advice still describes the needs.");
        case "draftPlan" -> Map.of("draftSent", true);
        case "recordRepresentations" -> Map.of("preferredSetting", "Oak Tree School",
            "personalBudgetRequested", false, "meetingRequested", false);
        case "consultSetting" -> Map.of("settingResponse", "ACCEPTS");
        case "issueFinalPlan" -> Map.of("finalPlanSent", true);
        case "scheduleReviewMeeting" -> Map.of("meetingDate", today.plusDays(28).toString());
        case "decideReviewOutcome" -> Map.of("reviewOutcome", "MAINTAIN", "reason", "The plan still meets the needs.");
        case "sendProposedAmendments" -> Map.of("amendmentsSent", true);
        case "recordAmendmentRepresentations" -> Map.of("meetingRequested", false);
        case "issueAmendedPlan" -> Map.of("amendmentDecision", "ISSUE_AMENDED_PLAN", "amendedPlanSent", true);
        case "tellFamilyAboutTransfer" -> Map.of("familyTold", true);
        default -> Map.of();
      };
      Map<String, Object> variables = new LinkedHashMap<>();
      values.forEach((name, value) -> variables.put(name, value instanceof List<?> list
          ? Map.of("type", "Json", "value", write(list))
          : Map.of("type", value instanceof Boolean ? "Boolean" : "String", "value", value)));
      return write(Map.of("variables", variables));
    }

    /** A request as a caseworker logs it: made-up letters for names, received today or in the last few days. */
    private String newRequest() {
      return write(Map.of("child", Map.of("forename", "Bench" + letters(5), "surname", "Load" + letters(6),
              "dateOfBirth", today.minusYears(4 + random.nextInt(12)).minusDays(random.nextInt(365)).toString(),
              "sex", List.of("M", "F", "U").get(random.nextInt(3)), "postcode", "ZZ9 9ZZ"),
          "requestReceivedDate", today.minusDays(random.nextInt(5)).toString(),
          "requestSource", List.of("PARENT", "SCHOOL", "HEALTH").get(random.nextInt(3)),
          "familyEmail", "family@example.org"));
    }

    private String letters(int n) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < n; i++) {
        out.append((char) ('a' + random.nextInt(26)));
      }
      return out.toString();
    }
  }

  private static String variable(JsonNode task, String name) {
    for (JsonNode variable : task.path("_embedded").path("variable")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText(null);
      }
    }
    return null;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private HttpRequest.Builder request(Role role, String path) {
    String credentials = Base64.getEncoder().encodeToString((role.user + ":" + role.user)
        .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials).header("Accept", "application/json, text/html");
  }

  // The report.

  private String database() {
    try (var connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      if (!"PostgreSQL".equals(meta.getDatabaseProductName())) {
        return "H2 in memory";
      }
      try (var statement = connection.createStatement();
          var rows = statement.executeQuery("SELECT current_setting('enable_material')")) {
        rows.next();
        return "PostgreSQL " + meta.getDatabaseProductVersion() + " on the same machine (enable_material "
            + rows.getString(1) + ")";
      }
    } catch (java.sql.SQLException e) {
      return "database unknown (" + e.getMessage() + ")";
    }
  }

  private String report(int users, String command, String loadStart, HistoryGenerator.HistoryResult history,
      List<Phase> phases) {
    StringBuilder out = new StringBuilder();
    Map<Role, Long> mix = roles(users).stream().collect(Collectors.groupingBy(r -> r, TreeMap::new,
        Collectors.counting()));
    out.append("Measured ").append(ZonedDateTime.now(LONDON).toLocalDate()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(database())
        .append(", the job executor on, Tomcat ")
        .append(tomcatThreads).append(" threads, Hikari pool of ").append(dataSource instanceof HikariDataSource h
            ? h.getMaximumPoolSize() : "?").append(" connections. Load average at the start: `").append(loadStart)
        .append("`.\n\n");
    out.append("Command: `").append(command).append("`\n\n");
    out.append("Data: ").append(history.from()).append(" to ").append(history.to()).append(" simulated first (")
        .append(history.requestsReceived()).append(" requests, ").append(history.plansImported())
        .append(" plans imported, ").append(history.tasksCompleted()).append(" tasks completed; statuses ")
        .append(history.statuses()).append("). ").append(users).append(" virtual users: ")
        .append(mix.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().user).collect(
            Collectors.joining(", "))).append(".\n");
    for (Phase phase : phases) {
      out.append("\n### ").append(phase.thinkMillis() > 0 ? "With think time (exponential, mean "
          + Math.round(phase.thinkMillis()) + " ms, after every request)" : "No think time (closed loop, every user"
          + " sends its next request as soon as the last is answered)").append("\n\n");
      List<Sample> samples = phase.samples();
      long errors = samples.stream().filter(Sample::error).count();
      long expected = samples.stream().filter(Sample::expected).count();
      out.append(String.format("%d requests in %.1f s: **%.1f requests/s**, %d errors, %d expected refusals", 
          samples.size(), phase.seconds(), samples.size() / phase.seconds(), errors, expected))
          .append(". Load average before / after: `").append(phase.loadBefore()).append("` / `")
          .append(phase.loadAfter()).append("`.\n\n");
      out.append("| Request | n | p50 ms | p95 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|\n");
      Map<String, List<Sample>> byKind = samples.stream().collect(Collectors.groupingBy(Sample::kind, TreeMap::new,
          Collectors.toList()));
      byKind.forEach((kind, list) -> out.append(row(kind, list)));
      out.append(row("**all**", samples));
      Map<String, Long> refusals = samples.stream().filter(s -> s.expected() || s.error()).collect(
          Collectors.groupingBy(s -> s.kind() + " " + s.status() + (s.error() ? " (error)" : "") + ": "
              + String.valueOf(s.detail()).replaceAll("[\"{}]", ""), TreeMap::new, Collectors.counting()));
      if (!refusals.isEmpty()) {
        out.append("\nNon-2xx answers:\n\n");
        refusals.forEach((what, n) -> out.append("- ").append(n).append(" × ").append(what.replace("|", "/"))
            .append("\n"));
      }
    }
    return out.toString();
  }

  private static String row(String kind, List<Sample> samples) {
    long[] millis = samples.stream().mapToLong(s -> s.nanos() / 1_000).sorted().toArray();
    return "| " + kind + " | " + millis.length + " | " + ms(percentile(millis, 50)) + " | "
        + ms(percentile(millis, 95)) + " | " + ms(percentile(millis, 99)) + " | " + ms(millis[millis.length - 1])
        + " | " + samples.stream().filter(Sample::error).count() + " |\n";
  }

  /** Nearest rank. */
  private static long percentile(long[] sorted, int p) {
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long micros) {
    return micros < 10_000 ? String.format("%.1f", micros / 1000.0) : String.valueOf(Math.round(micros / 1000.0));
  }
}
