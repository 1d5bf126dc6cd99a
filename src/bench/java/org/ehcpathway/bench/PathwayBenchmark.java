package org.ehcpathway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.intake.IntakeService;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.intake.RequestSource;
import org.ehcpathway.review.PlanImport;
import org.ehcpathway.security.Groups;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product against a bare Camunda engine, in the same JVM and the same run ({@code mvn -Pbench verify
 * -Dtest=PathwayBenchmark}; docs/performance.md). Every case takes the same path through the product's own BPMN:
 * the request, the decision to assess with four advice types, the four advisers' advice (parallel call
 * activities), the decision to issue, the draft, the family's views, the consultation, the provision and the final
 * plan, which starts the plan's annual review: 11 user tasks, each found by a task query and completed by its
 * user. The bare engines ({@code createStandaloneInMemProcessEngineConfiguration()}, default settings but the
 * history level) run the same models with {@link BareStandIns} for the product's beans; the product runs them
 * through {@link IntakeService} and Camunda's {@link TaskService} with its listeners (read model, milestones,
 * notices, outbox). Rounds alternate the engines so that the machine's load falls on all of them alike.
 * On H2 every engine has an in-memory database of its own; with {@code -Ppostgres,bench}, a database of its own on
 * the PostgreSQL server (results in the {@code pathway-postgres} and {@code timers-postgres} blocks).
 * Then the review-watch timers: {@code bench.timers} plans are imported with their review two weeks away, the
 * clock moves so that every AMBER timer is due, and the job executor fires them.
 */
@SpringBootTest(properties = {"ehc.test.database=" + PathwayBenchmark.DATABASE, "ehc.demo-data.history-months=0",
    "ehc.demo-data.sample-cases=false", "logging.level.org.ehcpathway=WARN",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@Tag("bench")
class PathwayBenchmark {

  static final List<String> ADVICE = List.of("EDUCATIONAL", "HEALTH", "PSYCHOLOGICAL", "SOCIAL_CARE");
  static final Map<String, String> GROUP_OF_ADVICE = Map.of("EDUCATIONAL", Groups.EDUCATION_ADVISERS,
      "HEALTH", Groups.HEALTH_ADVISERS, "PSYCHOLOGICAL", Groups.EDUCATIONAL_PSYCHOLOGISTS,
      "SOCIAL_CARE", Groups.SOCIAL_CARE_ADVISERS);
  static final Map<String, String> USER_OF_GROUP = Map.of(Groups.CASEWORKERS, "caseworker", Groups.PANEL, "panel",
      Groups.HEALTH_ADVISERS, "health", Groups.SOCIAL_CARE_ADVISERS, "socialcare",
      Groups.EDUCATIONAL_PSYCHOLOGISTS, "ep", Groups.EDUCATION_ADVISERS, "school");
  static final int TASKS_PER_CASE = 11;
  /** The product's database; the bare engines' are named after it ({@code ehc_pathway_bench_bare_full}). */
  static final String DATABASE = "ehc_pathway_bench";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.h2UnlessPostgres(registry, DATABASE);
  }

  @Autowired ProcessEngine product;
  @Autowired IntakeService intake;
  @Autowired PlanImport planImport;
  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;

  /** An engine and how a case starts on it. */
  private interface Target {
    String name();

    ProcessEngine engine();

    String start(int n);
  }

  @Test
  void benchmark() throws Exception {
    int cases = Integer.getInteger("bench.cases", 200);
    int rounds = Integer.getInteger("bench.rounds", 3);
    int threads = Integer.getInteger("bench.threads", 2);
    // The baseline drove bare Camunda from one thread: -Dbench.bareThreads=1 compares with that.
    int bareThreads = Integer.getInteger("bench.bareThreads", threads);
    int timers = Integer.getInteger("bench.timers", 10_000);
    String loadBefore = Machine.load();

    List<Target> targets = new ArrayList<>();
    List<ProcessEngine> bare = new ArrayList<>();
    List<String> engines = List.of(System.getProperty("bench.engines", "full,audit,none,product").split(","));
    for (String history : List.of("full", "audit", "none")) {
      if (!engines.contains(history)) {
        continue;
      }
      ProcessEngine engine = bareEngine(history);
      bare.add(engine);
      targets.add(bareTarget("bare Camunda, history " + history, engine));
    }
    String productHistory = ((ProcessEngineConfigurationImpl) product.getProcessEngineConfiguration())
        .getHistoryLevel().getName();
    if (engines.contains("product")) {
      targets.add(productTarget("EHC Pathway (history " + productHistory + ")"));
    }

    AtomicInteger numbers = new AtomicInteger();
    for (Target target : targets) {   // warm-up: JIT, caches, first deployments
      drive(target, Math.max(20, cases / 5), threadsFor(target, threads, bareThreads), numbers);
    }
    boolean queryStatistics = Boolean.getBoolean("bench.queryStatistics") && !BenchDatabase.postgres();
    if (queryStatistics) {
      targets.forEach(t -> sql(t.engine(), "SET QUERY_STATISTICS TRUE", null));
    }
    Map<String, double[]> seconds = new LinkedHashMap<>();
    Map<String, double[]> cpuSeconds = new LinkedHashMap<>();
    Map<String, double[]> machineSeconds = new LinkedHashMap<>();
    targets.forEach(t -> {
      seconds.put(t.name(), new double[rounds]);
      cpuSeconds.put(t.name(), new double[rounds]);
      machineSeconds.put(t.name(), new double[rounds]);
    });
    List<String> loads = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < targets.size(); i++) {   // a different engine first in each round
        Target target = targets.get((i + round) % targets.size());
        double cpuBefore = processCpuSeconds();
        double machineBefore = Machine.cpuSeconds();
        seconds.get(target.name())[round] = drive(target, cases, threadsFor(target, threads, bareThreads), numbers);
        cpuSeconds.get(target.name())[round] = processCpuSeconds() - cpuBefore;
        machineSeconds.get(target.name())[round] = Machine.cpuSeconds() - machineBefore;
      }
      loads.add(Machine.load());
    }
    if (queryStatistics) {
      for (Target target : targets) {
        writeQueryStatistics(target, cases * rounds, "");
      }
    }
    bare.forEach(ProcessEngine::close);

    String timersLoadBefore = Machine.load();
    double[] timerFigures = timers > 0 ? fireReviewTimers(timers) : null;
    if (queryStatistics && timers > 0 && engines.contains("product")) {
      writeQueryStatistics(targets.get(targets.size() - 1), timers, "-with-timers");
    }
    String loadAfter = Machine.load();
    String suffix = BenchDatabase.postgres() ? "-postgres" : "";
    if (rounds > 1) {
      String results = report(cases, rounds, threads, bareThreads, seconds, cpuSeconds, loadBefore, loads,
          loadAfter, timers);
      if (BenchDatabase.postgres()) {
        results += machineCpuReport(cases, rounds, machineSeconds);
      }
      String block = "pathway" + (bareThreads == threads ? "" : "-bare-threads-" + bareThreads) + suffix;
      PerformanceDoc.write(block, results, block + ".md");
      System.out.println(results);
    }
    if (timerFigures != null) {
      PerformanceDoc.write("timers" + suffix, timerReport(timers, timerFigures, timersLoadBefore, loadAfter),
          "timers" + suffix + ".md");
    }
  }

  // The engines.

  private static ProcessEngine bareEngine(String history) throws IOException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + history);
    BenchDatabase.configureBare(configuration, DATABASE + "_bare_" + history);
    configuration.setHistory(history);
    // The advice call activities continue asynchronously (as in the product): a job executor runs those jobs.
    configuration.setJobExecutorActivate(true);
    configuration.setBeans(BareStandIns.beans());
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench");
    try (var files = Files.list(Path.of("processes"))) {
      for (Path file : files.sorted().toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    }
    deployment.deploy();
    return engine;
  }

  private static Target bareTarget(String name, ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration();
    return new Target() {
      public String name() {
        return name;
      }

      public ProcessEngine engine() {
        return engine;
      }

      /** As IntakeService: both processes in one transaction, with the same variables. */
      public String start(int n) {
        String reference = "BARE-" + n;
        LocalDate today = LocalDate.now();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
          RuntimeService runtime = engine.getRuntimeService();
          runtime.startProcessInstanceByKey("ehc-needs-assessment", reference, Variables.createVariables()
              .putValue("caseReference", reference).putValue("requestReceivedDate", today.toString())
              .putValue("requestSource", "PARENT").putValue("nationalCurriculumYear", 3)
              .putValue("decisionToAssessDue", today.plusWeeks(6).toString())
              .putValue("noPlanDecisionDue", today.plusWeeks(16).toString())
              .putValue("draftPlanDue", today.plusWeeks(17).toString())
              .putValue("finalPlanDue", today.plusWeeks(20).toString()));
          runtime.startProcessInstanceByKey("ehc-deadline-watch", reference, Variables.createVariables()
              .putValue("caseReference", reference).putValue("requestReceivedDate", today.toString()));
          return reference;
        });
      }
    };
  }

  private Target productTarget(String name) {
    return new Target() {
      public String name() {
        return name;
      }

      public ProcessEngine engine() {
        return product;
      }

      public String start(int n) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        return intake.receiveRequest(new NewCaseRequest(new NewCaseRequest.Child("Alex", "Bench",
            today.minusYears(8), "M", "ZZ1 1AA", null), today, RequestSource.PARENT,
            n % 10 < 7 ? "family" + n + "@family.example" : null), "caseworker").caseReference();
      }
    };
  }

  // One case's path, and many cases from several threads.

  /**
   * Drives {@code cases} new cases from {@code threads} threads up to the final plan; then moves the engine clock
   * 16 days on (the product lets the final plan be issued only when the family's 15 days on the draft are over:
   * the clock is the engine's, one for the JVM) and issues every final plan, from the same threads.
   */
  private static double drive(Target target, int cases, int threads, AtomicInteger numbers) throws Exception {
    List<String> references = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try {
      AtomicInteger left = new AtomicInteger(cases);
      parallel(threads, () -> {
        while (left.getAndDecrement() > 0) {
          references.add(runCase(target, numbers.incrementAndGet()));
        }
      });
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16L * 24 * 3600 * 1000));
      AtomicInteger next = new AtomicInteger();
      parallel(threads, () -> {
        for (int i = next.getAndIncrement(); i < references.size(); i = next.getAndIncrement()) {
          complete(target.engine(), references.get(i), "issueFinalPlan", Map.of());
        }
      });
    } finally {
      ClockUtil.reset();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static int threadsFor(Target target, int threads, int bareThreads) {
    return target.name().startsWith("bare") ? bareThreads : threads;
  }

  private static void parallel(int threads, Runnable work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(pool.submit(work));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The case up to its last step, the final plan. */
  private static String runCase(Target target, int n) {
    String reference = target.start(n);
    ProcessEngine engine = target.engine();
    complete(engine, reference, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason",
        "Evidence that the child may have special educational needs that SEN support has not met.",
        "adviceTypes", "[\"" + String.join("\",\"", ADVICE) + "\"]"));
    complete(engine, reference, "provideAdvice", Map.of("adviceOutcome", "ADVICE_GIVEN", "summary",
        "Needs described, with the outcomes sought and the provision recommended."));
    complete(engine, reference, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason",
        "The assessment shows provision beyond SEN support is needed."));
    complete(engine, reference, "draftPlan", Map.of("draftSent", true));
    complete(engine, reference, "recordRepresentations", Map.of("preferredSetting", "Oak Tree Academy",
        "meetingRequested", false, "personalBudgetRequested", false));
    complete(engine, reference, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
    complete(engine, reference, "agreeProvision", Map.of("namedSetting", "Oak Tree Academy",
        "fundingBand", "BAND_2"));
    return reference;
  }

  /** Finds the case's tasks of that step and completes each as the user whose job it is. */
  private static void complete(ProcessEngine engine, String reference, String step, Map<String, Object> values) {
    TaskService tasks = engine.getTaskService();
    List<Task> found = awaitTasks(tasks, reference, step);
    for (Task task : found) {
      String group = step.equals("provideAdvice")
          ? GROUP_OF_ADVICE.get(String.valueOf(tasks.getVariable(task.getId(), "adviceType")))
          : step.startsWith("decideWhether") || step.equals("agreeProvision") ? Groups.PANEL : Groups.CASEWORKERS;
      engine.getIdentityService().setAuthentication(USER_OF_GROUP.get(group), List.of(group));
      try {
        tasks.complete(task.getId(), values);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
  }

  /**
   * The case's tasks of that step; after the advice, the job executor moves the case on (asynchronous continuation
   * after the advice requests), so the next task appears a moment later, on every engine alike.
   */
  private static List<Task> awaitTasks(TaskService tasks, String reference, String step) {
    int expected = step.equals("provideAdvice") ? ADVICE.size() : 1;
    long giveUp = System.nanoTime() + 30_000_000_000L;
    while (true) {
      List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(step).list();
      if (found.size() == expected) {
        return found;
      }
      if (System.nanoTime() > giveUp || found.size() > expected) {
        throw new IllegalStateException(reference + ": " + found.size() + " task(s) " + step);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // Review-watch timers.

  /**
   * Imports {@code count} plans (from two threads) whose review is due in 20 days (AMBER 14 days before), moves
   * the clock a day past the AMBER date and lets the job executor fire them: {timers fired, seconds}.
   */
  private double[] fireReviewTimers(int count) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    LocalDate lastReview = today.minusYears(1).plusDays(20);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<PlanImport.Result>> imports = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      StringBuilder csv = new StringBuilder(PlanImport.HEADER).append('\n');
      for (int n = part; n < count; n += 2) {
        csv.append(String.join(",", "TIMER-" + n, "Sam", "Timer", today.minusYears(8).toString(), "F", "ZZ1 1AB",
            today.minusYears(3).toString(), lastReview.toString(), "", "Oak Tree Academy")).append('\n');
      }
      imports.add(pool.submit(() -> planImport.load(csv.toString(), "manager")));
    }
    for (Future<PlanImport.Result> result : imports) {
      if (!result.get().errors().isEmpty()) {
        throw new IllegalStateException("Import: " + result.get().errors().get(0).message());
      }
    }
    pool.shutdown();
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) product.getProcessEngineConfiguration())
        .getJobExecutor();
    jobExecutor.shutdown();
    var jobs = product.getManagementService();
    try {
      ClockUtil.setCurrentTime(Date.from(today.plusDays(7).atTime(6, 0).atZone(ZoneId.of("Europe/London"))
          .toInstant()));
      long due = jobs.createJobQuery().executable().count();
      double cpuBefore = processCpuSeconds();
      double machineBefore = Machine.cpuSeconds();
      long start = System.nanoTime();
      jobExecutor.start();
      while (anyJobDue()) {
        Thread.sleep(100);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      return new double[] {due, elapsed, processCpuSeconds() - cpuBefore, Machine.cpuSeconds() - machineBefore};
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Whether a job is still due, by the product's due-date index (every job has a due date): the engine's count of
   * executable jobs reads every due job, and polling it took a third of a core on PostgreSQL at 100,000 timers.
   */
  private boolean anyJobDue() {
    return jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND DUEDATE_ <= ? FETCH FIRST 1 ROWS ONLY")
        .param(new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())).query(String.class).optional()
        .isPresent();
  }

  // The report.

  private String report(int cases, int rounds, int threads, int bareThreads, Map<String, double[]> seconds,
      Map<String, double[]> cpuSeconds, String loadBefore, List<String> loads, String loadAfter, int timers) {
    Map<String, Double> rates = new LinkedHashMap<>();
    seconds.forEach((name, s) -> rates.put(name, cases * rounds / java.util.Arrays.stream(s).sum()));
    String productName = seconds.keySet().stream().filter(n -> n.startsWith("EHC")).findFirst().orElse("");
    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Europe/London")).toLocalDate()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(BenchDatabase.describe(dataSource))
        .append(" (every engine a database of its own), ").append(threads)
        .append(bareThreads == threads ? " thread(s) driving cases on every engine"
            : " thread(s) driving the product's cases, " + bareThreads + " driving each bare engine's")
        .append(". Load average before / after each round / after: `").append(loadBefore)
        .append("` / `").append(String.join("`, `", loads)).append("` / `").append(loadAfter).append("`.\n\n");
    out.append("Command: `mvn -o ").append(BenchDatabase.profiles())
        .append(" verify -Dtest=PathwayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.cases=").append(cases)
        .append(" -Dbench.rounds=").append(rounds).append(" -Dbench.threads=").append(threads)
        .append(bareThreads == threads ? "" : " -Dbench.bareThreads=" + bareThreads)
        .append(" -Dbench.timers=").append(timers).append("`\n\n");
    out.append("### Cases per second, the same path on each engine (").append(TASKS_PER_CASE)
        .append(" user tasks a case), ").append(rounds).append(" rounds of ").append(cases)
        .append(" cases each\n\n");
    out.append("| Engine | Seconds per round | Cases/s | Tasks/s | Product / this engine |\n|---|---|---|---|---|\n");
    rates.forEach((name, rate) -> {
      out.append("| ").append(name).append(" | ");
      double[] s = seconds.get(name);
      for (int r = 0; r < s.length; r++) {
        out.append(r == 0 ? "" : ", ").append(String.format("%.1f", s[r]));
      }
      out.append(" | ").append(String.format("%.1f", rate)).append(" | ")
          .append(String.format("%.0f", rate * TASKS_PER_CASE)).append(" | ")
          .append(name.equals(productName) || productName.isEmpty() ? ""
              : String.format("**%.2f**", rates.get(productName) / rate))
          .append(" |\n");
    });
    out.append("\n#### CPU time per case (the whole JVM's CPU time during each engine's rounds)\n\n");
    out.append("Less sensitive than wall time to other work on the machine: what a case costs in processor time,"
        + " job executor, garbage collection and the other engines' idle threads included.\n\n");
    out.append(cpuTable(cases, rounds, cpuSeconds,
        "Product / this engine (this engine's CPU per case / the product's)"));
    return out.toString();
  }

  /** The timer figures, in a block of their own: a run with many timers need not repeat the engines' rounds. */
  private String timerReport(int timers, double[] timerFigures, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Europe/London")).toLocalDate()).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(BenchDatabase.describe(dataSource))
        .append(". Load average before / after: `")
        .append(loadBefore).append("` / `").append(loadAfter).append("`.\n\n");
    out.append("Command: `mvn -o ").append(BenchDatabase.profiles())
        .append(" verify -Dtest=PathwayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.engines=product")
        .append(" -Dbench.cases=20 -Dbench.rounds=1 -Dbench.timers=").append(timers)
        .append("`\n\n");
    out.append("### Review timers fired by the job executor\n\n");
    out.append(String.format("%d plans imported with their review due; %.0f AMBER review-watch timers due at"
        + " once, fired in %.1f s: **%.0f timers a second** (each checks the review, writes the warning's"
        + " emails to the outbox and waits for the RED timer); %.2f ms of CPU time a timer.%n", timers,
        timerFigures[0], timerFigures[1], timerFigures[0] / timerFigures[1], timerFigures[2] * 1000
        / timerFigures[0]));
    if (BenchDatabase.postgres()) {
      out.append(String.format("%nThe whole machine (the JVM and the PostgreSQL server): %.2f ms of CPU time a"
          + " timer.%n", timerFigures[3] * 1000 / timerFigures[0]));
    }
    out.append(String.format("%nJob executor: %s.%n", jobExecutorSettings()));
    return out.toString();
  }

  /**
   * With {@code -Dbench.queryStatistics=true}: each engine's SQL statements by H2's cumulative execution time, with
   * executions per case, in {@code target/bench/statements-<engine>.txt} (where an engine's time goes, without the
   * noise of wall time on a shared machine).
   */
  private static void writeQueryStatistics(Target target, int cases, String suffix) throws IOException {
    StringBuilder out = new StringBuilder();
    sql(target.engine(), "EXPLAIN ANALYZE SELECT RES.* FROM ACT_RU_VARIABLE RES WHERE EXECUTION_ID_ ="
        + " (SELECT MAX(EXECUTION_ID_) FROM ACT_RU_VARIABLE) AND TASK_ID_ IS NULL", rs -> {
          while (rs.next()) {
            out.append(rs.getString(1)).append("\n\n");
          }
        });
    sql(target.engine(), "SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME FROM"
        + " INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC", rs -> {
          while (rs.next()) {
            out.append(String.format("%9.1f ms %7.2f/case  %s%n", rs.getDouble(3), rs.getDouble(2) / cases,
                rs.getString(1).replaceAll("\\s+", " ")));
          }
        });
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench", "statements-" + target.name().replaceAll("[^a-zA-Z]+", "-")
        + suffix + ".txt"), out);
  }

  private interface ResultReader {
    void read(java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private static void sql(ProcessEngine engine, String statement, ResultReader reader) {
    javax.sql.DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
    try (var connection = dataSource.getConnection(); var st = connection.createStatement()) {
      if (reader == null) {
        st.execute(statement);
      } else {
        try (var rs = st.executeQuery(statement)) {
          reader.read(rs);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String jobExecutorSettings() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) product.getProcessEngineConfiguration())
        .getJobExecutor();
    return "up to " + executor.getMaxJobsPerAcquisition() + " jobs an acquisition, " + executor.getClass()
        .getSimpleName();
  }

  /**
   * On PostgreSQL the server's work is not in the JVM's CPU time: the whole machine's busy time per case (both
   * cores, every process), so the database server's share is counted for every engine alike.
   */
  private static String machineCpuReport(int cases, int rounds, Map<String, double[]> machineSeconds) {
    return "\n#### CPU time per case, the whole machine (the JVM and the PostgreSQL server, from /proc/stat)\n\n"
        + cpuTable(cases, rounds, machineSeconds, "Product / this engine");
  }

  /** Each engine's CPU milliseconds per case, and the product's ratio to it (the other engine's over the product's). */
  private static String cpuTable(int cases, int rounds, Map<String, double[]> seconds, String ratioHeader) {
    Map<String, Double> perCase = new LinkedHashMap<>();
    seconds.forEach((name, s) -> perCase.put(name, java.util.Arrays.stream(s).sum() * 1000 / (cases * rounds)));
    String productName = perCase.keySet().stream().filter(n -> n.startsWith("EHC")).findFirst().orElse("");
    StringBuilder out = new StringBuilder("| Engine | CPU ms per case | " + ratioHeader + " |\n|---|---|---|\n");
    perCase.forEach((name, ms) -> out.append("| ").append(name).append(" | ").append(String.format("%.1f", ms))
        .append(" | ").append(name.equals(productName) || productName.isEmpty() ? ""
            : String.format("**%.2f**", ms / perCase.get(productName))).append(" |\n"));
    return out.toString();
  }

  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}
