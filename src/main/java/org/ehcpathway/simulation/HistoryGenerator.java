package org.ehcpathway.simulation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.intake.IntakeService;
import org.ehcpathway.review.PlanImport;
import org.ehcpathway.security.Groups;
import org.ehcpathway.simulation.Planned.SimCase;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Generates a council's history by running cases through the real engine on the simulated clock. It walks the
 * days from the start to the end: on each day it moves the clock to 10:00 (so every timer then due fires: chasing,
 * deadline warnings, closing windows), receives that day's requests through {@link IntakeService}, and completes
 * every task whose drawn day has come, as the demo user of the task's group, through the engine's
 * {@link TaskService}. The read model, milestones, notices and emails are therefore written exactly as in
 * production. One run at a time; afterwards the engine clock is back at real time.
 */
@Service
public class HistoryGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryGenerator.class);
  static final LocalTime WORKING_TIME = LocalTime.of(10, 0);
  /** Requests arrive on working days: about 252 a year in England. */
  static final double WORKING_DAYS_PER_MONTH = 252.0 / 12;
  /** The ordinals of existing plans start here, so their dice never repeat a request's. */
  static final long EXISTING_PLAN_ORDINALS = 1_000_000;

  /**
   * What a run did. {@code caseReferences} (not in the JSON) are the cases it made: the requests in the order
   * received, then the imported plans.
   */
  public record HistoryResult(long runId, long seed, LocalDate from, LocalDate to, int requestsReceived,
      int plansImported, int tasksCompleted, int failures, int tasksLeftAlone, long elapsedMillis,
      double casesPerSecond, Map<String, Long> statuses, @JsonIgnore List<String> caseReferences) {
  }

  /** Thrown when a run is asked for while another is under way. */
  public static class AlreadyRunningException extends RuntimeException {
    AlreadyRunningException() {
      super("A simulation is already running; try again when it has finished");
    }
  }

  private final IntakeService intake;
  private final SimulatedCaseEvents caseEvents;
  private final PlanImport planImport;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ProcessEngine engine;
  private final SimulatedClock simulatedClock;
  private final EngineClock clock;
  private final SimulatedStaff staff;
  private final SimulatedFamilies families;
  private final SimulationRuns runs;
  private final CaseLanes lanes;
  private final AtomicBoolean running = new AtomicBoolean();

  HistoryGenerator(IntakeService intake, SimulatedCaseEvents caseEvents, PlanImport planImport,
      TaskService taskService, RuntimeService runtimeService, IdentityService identityService, ProcessEngine engine,
      SimulatedClock simulatedClock, EngineClock clock, SimulatedStaff staff, SimulatedFamilies families,
      SimulationRuns runs, CaseLanes lanes) {
    this.intake = intake;
    this.caseEvents = caseEvents;
    this.planImport = planImport;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.engine = engine;
    this.simulatedClock = simulatedClock;
    this.clock = clock;
    this.staff = staff;
    this.families = families;
    this.runs = runs;
    this.lanes = lanes;
  }

  /** The period a run covers: {@code from} and {@code to} when given, else the months up to today. */
  public LocalDate[] period(HistorySettings settings) {
    LocalDate to = settings.to() != null ? settings.to() : clock.today();
    LocalDate from = settings.from() != null ? settings.from() : to.minusMonths(settings.months());
    return new LocalDate[] {from, to};
  }

  public boolean hasRun() {
    return runs.any();
  }

  public List<SimulationRuns.Run> runs() {
    return runs.list();
  }

  /** Runs the simulation; the settings must have been checked ({@link HistorySettingsReader}). */
  public HistoryResult generate(HistorySettings settings, String user) {
    if (!running.compareAndSet(false, true)) {
      throw new AlreadyRunningException();
    }
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    boolean executorWasActive = jobExecutor != null && jobExecutor.isActive();
    if (executorWasActive) {
      jobExecutor.shutdown();   // the walk runs every due job itself, in order, so a seed gives one history
    }
    long started = System.nanoTime();
    // Steps with nobody behind them (intake's service tasks, timers) are the system's, not the caller's.
    SecurityContext caller = SecurityContextHolder.getContext();
    SecurityContextHolder.clearContext();
    try {
      return new Walk(settings, user, started).run();
    } finally {
      SecurityContextHolder.setContext(caller);
      clock.reset();
      if (executorWasActive) {
        jobExecutor.start();
      }
      running.set(false);
    }
  }

  /** One run: the state of the walk over the days. */
  private final class Walk {

    private final HistorySettings settings;
    private final String user;
    private final long started;
    private final LocalDate from;
    private final LocalDate to;
    private final Dice arrivals;
    private final Map<String, SimCase> cases = new HashMap<>();
    private final List<String> requestReferences = new ArrayList<>();
    private final List<String> planReferences = new ArrayList<>();
    private final Set<String> seenTasks = new HashSet<>();
    private final PriorityQueue<Planned> agenda = new PriorityQueue<>(Comparator.comparing(Planned::on)
        .thenComparingLong(p -> p.simCase().script().ordinal()).thenComparing(Planned::order));
    private final Map<LocalDate, List<Runnable>> events = new HashMap<>();
    private long runId;
    private int requests;
    private int imported;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Queue<Planned> retries = new ConcurrentLinkedQueue<>();
    private int leftAlone;
    private long orderCounter;
    /** Where the time goes, in nanoseconds: moving the clock (running jobs), intake, finding tasks, completing. */
    private final long[] spent = new long[4];

    Walk(HistorySettings settings, String user, long started) {
      this.settings = settings;
      this.user = user;
      this.started = started;
      LocalDate[] period = period(settings);
      this.from = period[0];
      this.to = period[1];
      this.arrivals = Dice.of(settings.seed(), "arrivals");
    }

    HistoryResult run() {
      runId = runs.start(settings, from, to, user);
      moveTo(from);
      LOG.info("Simulating {} to {} (seed {}), run {}", from, to, settings.seed(), runId);
      importExistingPlans();
      double perWorkingDay = settings.requestsPerMonth() / WORKING_DAYS_PER_MONTH;
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        if (!day.equals(from)) {
          moveTo(day);
        }
        if (staff.workingDayOnOrAfter(day).equals(day)) {
          int arriving = arrivals.poisson(perWorkingDay);
          for (int i = 0; i < arriving; i++) {
            receive(day);
          }
        }
        for (Runnable event : events.getOrDefault(day, List.of())) {
          event.run();
        }
        events.remove(day);
        settle(day);
      }
      long elapsed = System.nanoTime() - started;
      long millis = elapsed / 1_000_000;
      runs.finish(runId, requests, imported, completed.get(), failures.get(), millis);
      Map<String, Long> statuses = runs.statuses(runId);
      LOG.info("Simulation run {}: {} requests, {} plans imported, {} tasks completed, {} failures in {} ms"
          + " (clock and jobs {} ms, intake {} ms, finding tasks {} ms, completing tasks {} ms)",
          runId, requests, imported, completed.get(), failures.get(), millis, spent[0] / 1_000_000,
          spent[1] / 1_000_000, spent[2] / 1_000_000, spent[3] / 1_000_000);
      return new HistoryResult(runId, settings.seed(), from, to, requests, imported, completed.get(), failures.get(),
          leftAlone,
          millis, millis == 0 ? 0 : Math.round(requests * 10_000.0 / millis) / 10.0, statuses,
          java.util.stream.Stream.concat(requestReferences.stream(), planReferences.stream()).toList());
    }

    private void moveTo(LocalDate day) {
      long start = System.nanoTime();
      simulatedClock.moveTo(day.atTime(WORKING_TIME).atZone(EngineClock.LONDON).toInstant());
      spent[0] += System.nanoTime() - start;
    }

    /**
     * The jobs the day's work left, such as the one that moves a case on after its last advice (the advice call
     * activities are asynchronous after), run the same day, as the job executor would run them a moment later.
     */
    private void runJobsDueNow() {
      long start = System.nanoTime();
      simulatedClock.runDueJobs();
      spent[0] += System.nanoTime() - start;
    }

    private void receive(LocalDate day) {
      long ordinal = ++requests;
      CaseScript script = families.script(settings, ordinal, day);
      long start = System.nanoTime();
      String reference = intake.receiveRequest(families.request(settings.seed(), ordinal, day), "caseworker")
          .caseReference();
      spent[1] += System.nanoTime() - start;
      track(reference, script);
      requestReferences.add(reference);
      if (script.withdrawalDay() != null) {
        events.computeIfAbsent(script.withdrawalDay(), d -> new ArrayList<>())
            .add(() -> caseEvents.withdraw(reference));
      }
      if (script.exceptionDay() != null) {
        events.computeIfAbsent(script.exceptionDay(), d -> new ArrayList<>())
            .add(() -> failures.addAndGet(caseEvents.recordException(reference) ? 0 : 1));
      }
    }

    private void importExistingPlans() {
      if (settings.existingPlans() == 0) {
        return;
      }
      String prefix = "SIM-" + runId + "-";
      StringBuilder csv = new StringBuilder(PlanImport.HEADER).append('\n');
      for (int n = 1; n <= settings.existingPlans(); n++) {
        csv.append(families.existingPlanRow(settings.seed(), n, prefix + "%05d".formatted(n), from)).append('\n');
      }
      PlanImport.Result result = planImport.load(csv.toString(), "manager");
      if (!result.errors().isEmpty()) {
        LOG.warn("{} existing plans were not imported, first: {}", result.errors().size(),
            result.errors().get(0).message());
      }
      List<String> plans = runs.importedPlans(prefix);
      for (int i = 0; i < plans.size(); i++) {
        track(plans.get(i), CaseScript.existingPlan(EXISTING_PLAN_ORDINALS + i + 1, from));
        planReferences.add(plans.get(i));
      }
      imported = plans.size();
    }

    private void track(String reference, CaseScript script) {
      cases.put(reference, new SimCase(reference, script, new HashMap<>()));
      runs.addCase(runId, reference);
    }

    /** Completes every task due today; tasks that completing creates are planned at once, and may be due today. */
    private void settle(LocalDate day) {
      for (int pass = 0; pass < 50; pass++) {
        discover(day);
        if (agenda.isEmpty() || agenda.peek().on().isAfter(day)) {
          return;
        }
        List<Planned> due = new ArrayList<>();
        while (!agenda.isEmpty() && !agenda.peek().on().isAfter(day)) {
          due.add(agenda.poll());
        }
        completeSideBySide(due);
        runJobsDueNow();
      }
      LOG.warn("Day {} did not settle after 50 passes", day);
    }

    /** Plans every task of the run's cases created today that it has not seen yet. */
    private void discover(LocalDate day) {
      long start = System.nanoTime();
      try {
        findNewTasks(day);
      } finally {
        spent[2] += System.nanoTime() - start;
      }
    }

    private void findNewTasks(LocalDate day) {
      Date startOfDay = EngineClock.startOf(day);
      List<Task> fresh = taskService.createTaskQuery().taskCreatedAfter(new Date(startOfDay.getTime() - 1)).list()
          .stream().filter(task -> !seenTasks.contains(task.getId())).toList();
      if (fresh.isEmpty()) {
        return;
      }
      Set<String> instanceIds = fresh.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
          .collect(Collectors.toSet());
      Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
          : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
              .filter(instance -> instance.getBusinessKey() != null)
              .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
      List<SimulatedStaff.SimTask> mine = new ArrayList<>();
      for (Task task : fresh) {
        seenTasks.add(task.getId());
        String reference = businessKeys.get(task.getProcessInstanceId());
        if (reference == null || !cases.containsKey(reference)) {
          continue;
        }
        mine.add(new SimulatedStaff.SimTask(task.getId(), task.getTaskDefinitionKey(), reference,
            EngineClock.dateOf(task.getCreateTime()), candidateGroup(task.getId()),
            taskService.getVariables(task.getId(), SimulatedStaff.VARIABLES)));
      }
      mine.sort(Comparator.comparing((SimulatedStaff.SimTask t) -> cases.get(t.caseReference()).script().ordinal())
          .thenComparing(SimulatedStaff.SimTask::key)
          .thenComparing(t -> String.valueOf(t.variables().get("adviceType"))));
      for (SimulatedStaff.SimTask task : mine) {
        SimCase simCase = cases.get(task.caseReference());
        if (!SimulatedStaff.knows(task.key())) {
          leftAlone++;
          LOG.warn("Simulation leaves task {} of {} alone: it does not know it", task.key(), task.caseReference());
          continue;
        }
        String occasion = task.key() + "/" + task.variables().get("adviceType") + "/"
            + task.variables().get("reviewCycle");
        int occurrence = simCase.occurrences().merge(occasion, 1, Integer::sum);
        Dice dice = Dice.of(settings.seed(), simCase.script().ordinal(), occasion, occurrence);
        SimulatedStaff.Action action = staff.plan(task, simCase.script(), settings, dice);
        if (action.on() != null) {
          agenda.add(new Planned(action.on().isBefore(day) ? day : action.on(), orderCounter++, task, simCase,
              action));
        }
      }
    }

    private String candidateGroup(String taskId) {
      return taskService.getIdentityLinksForTask(taskId).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse(Groups.CASEWORKERS);
    }

    /** The day's tasks, each case's in their order, several cases at once ({@link CaseLanes}). */
    private void completeSideBySide(List<Planned> due) {
      long start = System.nanoTime();
      Map<String, List<Planned>> byCase = due.stream().collect(Collectors.groupingBy(
          planned -> planned.task().caseReference(), LinkedHashMap::new, Collectors.toList()));
      lanes.run(byCase.values(), this::complete);
      agenda.addAll(retries);
      retries.clear();
      spent[3] += System.nanoTime() - start;
    }

    private void complete(Planned planned) {
      SimulatedStaff.SimTask task = planned.task();
      if (taskService.createTaskQuery().taskId(task.id()).count() == 0) {
        return;   // the engine ended it meanwhile: a window closed, the advice branch ended, the case was withdrawn
      }
      SimulatedStaff.Action action = planned.action();
      identityService.setAuthentication(action.user(), List.of(action.group()));
      try {
        taskService.complete(task.id(), action.variables());
        completed.incrementAndGet();
      } catch (OptimisticLockingException e) {
        if (planned.retries() < 3) {
          retries.add(planned.retry());
        }
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        failures.incrementAndGet();
        LOG.warn("Simulation could not complete {} of {}: {}", task.key(), task.caseReference(), e.getMessage());
      } finally {
        identityService.clearAuthentication();
      }
    }
  }
}
