package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine makes its ids with {@link NodeUniqueIdGenerator}, not Camunda's default. */
@PathwayIntegrationTest
class EngineIdsTest {

  @Autowired ProcessEngine engine;
  @Autowired NodeUniqueIdGenerator generator;
  @Autowired PathwayDriver driver;

  @Test
  void theEngineMakesItsIdsWithThisNodesRandomNodePart() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getIdGenerator()).isSameAs(generator);

    driver.today("2026-03-02");
    String pathway = driver.receiveRequest("2026-03-02", "2016-04-12").processInstanceId();
    assertThat(pathway).endsWith(generator.node());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway).list())
        .isNotEmpty().allSatisfy(task -> assertThat(task.getId()).endsWith(generator.node()));
  }
}
