package org.ehcpathway.demo;

import org.ehcpathway.simulation.HistoryGenerator;
import org.ehcpathway.simulation.HistorySettings;
import org.ehcpathway.simulation.HistorySettingsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a fresh demo database, {@code ehc.demo-data.history-months} of simulated history up to today, run through
 * the engine by the simulator, so the managers' figures have something to show. Runs after the demo cases (which
 * appear only on an empty database) and only once: never again once any simulation has run.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "ehc.demo-data.enabled", havingValue = "true")
class DemoHistory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  private final HistoryGenerator generator;
  private final HistorySettingsReader settings;
  private final int months;
  private final int requestsPerMonth;
  private final int existingPlans;

  DemoHistory(HistoryGenerator generator, HistorySettingsReader settings,
      @Value("${ehc.demo-data.history-months:0}") int months,
      @Value("${ehc.demo-data.history-requests-per-month:8}") int requestsPerMonth,
      @Value("${ehc.demo-data.history-existing-plans:10}") int existingPlans) {
    this.generator = generator;
    this.settings = settings;
    this.months = months;
    this.requestsPerMonth = requestsPerMonth;
    this.existingPlans = existingPlans;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (months <= 0 || generator.hasRun()) {
      return;
    }
    HistorySettings demo = settings.check(settings.defaults().withVolumes(months, requestsPerMonth, existingPlans));
    HistoryGenerator.HistoryResult result = generator.generate(demo, "system");
    LOG.info("Demo history: {} to {}, {} requests and {} existing plans in {} ms; statuses {}", result.from(),
        result.to(), result.requestsReceived(), result.plansImported(), result.elapsedMillis(), result.statuses());
  }
}
