package org.ehcpathway.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ehcpathway.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/simulation/history}: generate more history through the engine (managers, admins). Only present
 * when {@code ehc.simulation.enabled=true}. The body is optional: any settings given replace the defaults.
 * The request returns when the run has finished, with the engine clock back at real time.
 */
@RestController
@RequestMapping("/api/simulation/history")
@ConditionalOnProperty(name = "ehc.simulation.enabled", havingValue = "true")
class HistoryController {

  private final HistoryGenerator generator;
  private final HistorySettingsReader reader;
  private final CurrentUser currentUser;

  HistoryController(HistoryGenerator generator, HistorySettingsReader reader, CurrentUser currentUser) {
    this.generator = generator;
    this.reader = reader;
    this.currentUser = currentUser;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('managers', 'camunda-admin')")
  HistoryGenerator.HistoryResult generate(@RequestBody(required = false) JsonNode settings) {
    return generator.generate(reader.read(settings), currentUser.id());
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('managers', 'camunda-admin')")
  List<SimulationRuns.Run> runs() {
    return generator.runs();
  }

  @ExceptionHandler(HistoryGenerator.AlreadyRunningException.class)
  ProblemDetail busy(HistoryGenerator.AlreadyRunningException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Simulation running");
    return problem;
  }
}
