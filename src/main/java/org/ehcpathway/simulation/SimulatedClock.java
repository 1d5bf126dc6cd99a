package org.ehcpathway.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Moves the engine clock and runs every job that is now due, so a case can be rehearsed in minutes. */
@Service
public class SimulatedClock {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedClock.class);
  /** Guards against a model that creates due jobs forever. */
  static final int MAX_ROUNDS = 10_000;

  private final EngineClock clock;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final CaseLanes lanes;

  public SimulatedClock(EngineClock clock, ManagementService managementService, RuntimeService runtimeService,
      CaseLanes lanes) {
    this.clock = clock;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.lanes = lanes;
  }

  /** Jobs run as the system, not as the user who moved the clock: a timer that fires is nobody's action. */
  public synchronized int moveTo(Instant now) {
    clock.set(now);
    return runDueJobs();
  }

  /**
   * Runs every job due now without moving the clock, as the system, as the job executor would: for example the
   * job that moves a case on after its last advice request ended (the advice call activities are asynchronous
   * after). Returns how many jobs ran.
   */
  public synchronized int runDueJobs() {
    SecurityContext caller = SecurityContextHolder.getContext();
    SecurityContextHolder.clearContext();
    try {
      return runJobsUntilNoneIsDue();
    } finally {
      SecurityContextHolder.setContext(caller);
    }
  }

  /**
   * Runs due jobs until none is left; a job may create another that is due at once (a timer after a timer),
   * which runs in a later round. A job that loses an optimistic-locking race (to the job executor, or to a user
   * ending another advice request of the same case) is still there and is tried again in the next round, as
   * the job executor would retry it. A job that fails otherwise is tried once per call and left to its retries.
   * Timers of one case due at the same instant (a deadline turning red on the day advice is overdue, both at
   * the start of the day) run in the order of their process's key, not of their random ids, so a seed gives
   * one history. Different cases' jobs run side by side ({@link CaseLanes}); one case's jobs run in that order.
   */
  private int runJobsUntilNoneIsDue() {
    Set<String> failed = ConcurrentHashMap.newKeySet();
    AtomicInteger executed = new AtomicInteger();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc()
          .orderByProcessDefinitionKey().asc().orderByProcessInstanceId().asc()
          .listPage(0, 100 + failed.size()).stream().filter(job -> !failed.contains(job.getId())).toList();
      if (due.isEmpty()) {
        return executed.get();
      }
      lanes.run(byCase(due).values(), job -> {
        if (execute(job, failed)) {
          executed.incrementAndGet();
        }
      });
    }
    return executed.get();
  }

  private boolean execute(Job job, Set<String> failed) {
    try {
      managementService.executeJob(job.getId());
      return true;
    } catch (OptimisticLockingException e) {
      LOG.debug("Job {} lost a race (the job executor ran it meanwhile, or another step of its case "
          + "committed first); if it is still there it runs again in the next round", job.getId());
    } catch (RuntimeException e) {
      if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
        failed.add(job.getId());
        LOG.warn("Job {} failed: {}", job.getId(), e.getClass().getSimpleName());
      }   // else the job executor ran it first: nothing was lost
    }
    return false;
  }

  /**
   * The jobs of each case (its processes share the case reference as business key), in the order given; a job of
   * no process, or of a process without a business key, is a case of its own.
   */
  private Map<String, List<Job>> byCase(List<Job> jobs) {
    Set<String> instanceIds = jobs.stream().map(Job::getProcessInstanceId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, String> caseOf = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
          .filter(instance -> instance.getBusinessKey() != null)
          .forEach(instance -> caseOf.put(instance.getId(), instance.getBusinessKey()));
    }
    return jobs.stream().collect(Collectors.groupingBy(
        job -> caseOf.getOrDefault(String.valueOf(job.getProcessInstanceId()), "job " + job.getId()),
        LinkedHashMap::new, Collectors.toList()));
  }
}
