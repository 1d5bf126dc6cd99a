package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job executor finds due jobs through the due-date index: every job has a due date, and the index exists. */
@PathwayIntegrationTest
class JobAcquisitionTest {

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine engine;
  @Autowired JobAcquisitionPlugin plugin;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void theJobTableIsIndexedByDueDate() throws Exception {
    List<String> indexes = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {   // H2 keeps names upper case, PostgreSQL lower
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            indexes.add(String.valueOf(rs.getString("INDEX_NAME")).toUpperCase() + ":"
                + String.valueOf(rs.getString("COLUMN_NAME")).toUpperCase());
          }
        }
      }
    }
    assertThat(indexes).contains(JobAcquisitionPlugin.INDEX + ":DUEDATE_");
  }

  @Test
  void continuationsAndTimersAlikeHaveADueDate() {
    String ref = caseWhoseAdviceIsIn("2026-03-02", "EDUCATIONAL");
    String pathway = caseFile.view(ref).processInstanceId();

    List<Job> continuations = managementService.createJobQuery().processInstanceId(pathway).messages().list();
    assertThat(continuations).as("the job that moves the case on after its advice").hasSize(1);
    assertThat(continuations.get(0).getDuedate()).isNotNull();
    assertThat(managementService.createJobQuery().processInstanceId(pathway).executable().count()).isEqualTo(1);
    assertThat(managementService.createJobQuery().timers().list()).isNotEmpty()
        .allSatisfy(timer -> assertThat(timer.getDuedate()).isNotNull());

    driver.runDueJobs();
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).hasSize(1);
  }

  @Test
  void aJobWrittenWithoutADueDateIsDueWhenTheEngineStarts() {
    String ref = caseWhoseAdviceIsIn("2026-03-09", "HEALTH");
    String pathway = caseFile.view(ref).processInstanceId();
    Job continuation = managementService.createJobQuery().processInstanceId(pathway).messages().singleResult();
    // as an earlier version wrote it, and as the acquisition query would now never find it
    jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(continuation.getId()).update();

    plugin.postProcessEngineBuild(engine);

    Job dated = managementService.createJobQuery().jobId(continuation.getId()).singleResult();
    assertThat(dated.getDuedate()).isNotNull();
    driver.runDueJobs();
    assertThat(driver.tasks(ref, "decideWhetherToIssue")).hasSize(1);
  }

  /** A case whose one advice has just been given: the job that moves it on is waiting. */
  private String caseWhoseAdviceIsIn(String day, String adviceType) {
    driver.today(day);
    String ref = driver.receiveRequest(day, "2016-05-01").caseReference();
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "reason", "Evidence.",
        "adviceTypes", adviceType));
    driver.complete(ref, "provideAdvice", Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Advice."));
    return ref;
  }
}
