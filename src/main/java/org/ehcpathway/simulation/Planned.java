package org.ehcpathway.simulation;

import java.time.LocalDate;
import java.util.Map;

/**
 * A task on the history simulator's agenda: who will do it, on which day, with what; {@code order} keeps tasks
 * of one day and one case in the order they were planned. {@code retries} counts optimistic-locking losses.
 */
record Planned(LocalDate on, long order, SimulatedStaff.SimTask task, Planned.SimCase simCase,
    SimulatedStaff.Action action, int retries) {

  /** A case of the run: its script, and how often each occasion (task, advice type, review cycle) has come up. */
  record SimCase(String reference, CaseScript script, Map<String, Integer> occurrences) {
  }

  Planned(LocalDate on, long order, SimulatedStaff.SimTask task, SimCase simCase, SimulatedStaff.Action action) {
    this(on, order, task, simCase, action, 0);
  }

  Planned retry() {
    return new Planned(on, order, task, simCase, action, retries + 1);
  }
}
