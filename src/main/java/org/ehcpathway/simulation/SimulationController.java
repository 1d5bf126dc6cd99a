package org.ehcpathway.simulation;

import jakarta.validation.Valid;
import java.time.LocalDate;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only present when {@code ehc.simulation.enabled=true}; otherwise the path does not exist (404). */
@RestController
@RequestMapping("/api/simulation/clock")
@ConditionalOnProperty(name = "ehc.simulation.enabled", havingValue = "true")
class SimulationController {

  private final SimulatedClock simulatedClock;
  private final EngineClock clock;

  SimulationController(SimulatedClock simulatedClock, EngineClock clock) {
    this.simulatedClock = simulatedClock;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("isAuthenticated()")
  ClockResponse current() {
    return new ClockResponse(clock.now(), clock.today(), 0);
  }

  @PutMapping
  @PreAuthorize("hasAnyAuthority('managers', 'caseworkers', 'camunda-admin')")
  ClockResponse set(@Valid @RequestBody ClockRequest request) {
    LocalDate day = LocalDate.ofInstant(request.now(), EngineClock.LONDON);
    if (day.isBefore(HistorySettingsReader.EARLIEST) || day.isAfter(HistorySettingsReader.LATEST)) {
      // Every job due by then would run, for every case on the server: far-off years are a typing slip.
      throw new InvalidInputException("now", "must be from " + HistorySettingsReader.EARLIEST + " to "
          + HistorySettingsReader.LATEST);
    }
    int executed = simulatedClock.moveTo(request.now());
    return new ClockResponse(clock.now(), clock.today(), executed);
  }
}
