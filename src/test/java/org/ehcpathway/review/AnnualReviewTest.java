package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The plan's life after issue, on issue 4's example: a plan issued 25 May 2026 is reviewed by 25 May 2027. */
@PathwayIntegrationTest
class AnnualReviewTest {

  @Autowired PathwayDriver driver;
  @Autowired CaseFile caseFile;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPlanIssuedOn25May2026IsReviewedBy25May2027AndMaintainedStartsTheNextCycle() {
    String ref = planIssuedOn("2026-05-25");
    Task schedule = driver.task(ref, "scheduleReviewMeeting");
    assertThat(schedule).extracting(Task::getName).isEqualTo("Schedule the review meeting");
    assertThat(taskService.getVariable(schedule.getId(), "reviewDue")).isEqualTo("2027-05-25");
    // the latest meeting is 27 Apr 2027 (4 weeks for the decision), so invitations by 13 Apr 2027
    assertThat(EngineClock.dateOf(schedule.getDueDate())).isEqualTo("2027-04-13");

    driver.today("2027-02-15");
    assertThatThrownBy(() -> taskService.complete(schedule.getId(), Map.of("meetingDate", "2027-02-22")))
        .rootCause().hasMessageContaining("meetingDate").hasMessageContaining("2 weeks");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));

    Task report = driver.task(ref, "submitReviewReport");
    assertThat(taskService.getIdentityLinksForTask(report.getId())).extracting(l -> l.getGroupId())
        .containsExactly("education-advisers");
    assertThat(EngineClock.dateOf(report.getDueDate())).isEqualTo("2027-03-24");
    driver.today("2027-03-12");
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress."));

    Task decision = driver.task(ref, "decideReviewOutcome");
    assertThat(EngineClock.dateOf(decision.getDueDate())).isEqualTo("2027-04-07");
    driver.today("2027-03-20");
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "MAINTAIN", "reason", "Needs unchanged."));

    CaseView view = caseFile.view(ref);
    assertThat(view.reviews()).extracting(PlanRecords.Review::cycle, PlanRecords.Review::dueDate,
        PlanRecords.Review::decisionDate, PlanRecords.Review::outcome).containsExactly(
        tuple(1, LocalDate.parse("2027-05-25"), LocalDate.parse("2027-03-20"), "MAINTAIN"),
        tuple(2, LocalDate.parse("2028-03-20"), null, null));
    assertThat(view.notices()).extracting(CaseView.Notice::type).contains("REVIEW_MAINTAINED");
    assertThat(view.notices()).filteredOn(n -> n.type().equals("REVIEW_MAINTAINED")).singleElement()
        .extracting(CaseView.Notice::text).asString().contains("Needs unchanged.\n\nYOUR RIGHT TO APPEAL")
        .doesNotContain("stop maintaining");
    assertThat(view.milestones()).extracting(CaseView.Milestone::type).contains(MilestoneType.REVIEW_MEETING_SCHEDULED,
        MilestoneType.REVIEW_REPORT_SUBMITTED, MilestoneType.REVIEW_DECIDED);
    var reviews = rest.withBasicAuth("manager", "manager").getForEntity("/api/reviews?due=2027-05", String.class);
    assertThat(reviews.getBody()).contains("\"caseReference\":\"" + ref + "\",\"cycle\":1,\"dueDate\":\"2027-05-25\"");
    var completed = rest.withBasicAuth("caseworker", "caseworker").getForEntity("/api/reviews?due=2027-03", String.class);
    assertThat(completed.getBody()).contains("\"decisionDate\":\"2027-03-20\",\"outcome\":\"MAINTAIN\"");
    assertThat(rest.withBasicAuth("manager", "manager").getForEntity("/api/reviews?due=May", String.class)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/reviews?due=2027-05", String.class)
        .getStatusCode().value()).isEqualTo(403);
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref + "/next-phase-transfer",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
            "{\"nextPhaseTransfer\":\"SECONDARY\"}", headers), String.class).getStatusCode().value()).isEqualTo(400);
    assertThat(rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref + "/next-phase-transfer",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
            "{\"nextPhaseTransfer\":\"SCHOOL:2028\"}", headers), String.class).getStatusCode().value()).isEqualTo(200);
    Task next = driver.task(ref, "scheduleReviewMeeting");
    assertThat(taskService.getVariable(next.getId(), "meetingDate")).isNull();   // a fresh form for the next cycle
    // cycle 2 (due 20 Mar 2028) would be decided too late for 15 Feb 2028: brought forward at once
    assertThat(taskService.getVariable(next.getId(), "reviewDue")).isEqualTo("2027-12-21");
    // the first cycle's watch ended when the next cycle opened: one watch runs, the second cycle's
    var watches = runtimeService.createProcessInstanceQuery().processDefinitionKey("ehc-review-watch")
        .processInstanceBusinessKey(ref).list();
    assertThat(watches).hasSize(1);
    assertThat(runtimeService.getVariable(watches.get(0).getId(), "reviewCycle")).isEqualTo(2);
  }

  @Test
  void fromYear9TheReportCoversPreparingForAdulthood() {
    String ref = planIssuedOn("2026-05-25", "2012-10-01");   // Year 9 in 2026/27
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    Task report = driver.task(ref, "submitReviewReport");
    assertThat(taskService.getVariable(report.getId(), "preparingForAdulthood")).isEqualTo(true);
    assertThat(caseFile.view(ref).advice()).filteredOn(a -> "REVIEW".equals(a.purpose()))
        .extracting(CaseView.Advice::type)
        .containsExactlyInAnyOrder("EDUCATIONAL", "HEALTH", "SOCIAL_CARE", "PREPARING_FOR_ADULTHOOD");
    driver.giveAllAdvice(ref);
    assertThatThrownBy(() -> taskService.complete(report.getId(), Map.of("recommendation", "MAINTAIN",
        "summary", "Good progress."))).rootCause().hasMessageContaining("adulthoodOutcomes");
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Good progress.",
        "adulthoodOutcomes", "Work experience at the garden centre; travel training."));
    assertThat(driver.tasks(ref, "decideReviewOutcome")).hasSize(1);
  }

  @Test
  void aDecisionToCeaseTakesEffectOnlyWhenTheFamilyCanNoLongerAppeal() {
    String ref = planIssuedOn("2026-05-25");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    driver.giveAllAdvice(ref);
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "CEASE", "summary", "Needs met."));
    Task decision = driver.task(ref, "decideReviewOutcome");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("reviewOutcome", "CEASE", "reason", "x")))
        .rootCause().hasMessageContaining("ceaseReason");
    assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("reviewOutcome", "CEASE",
        "ceaseReason", "5", "reason", "Moving to Leeds.")))
        .as("a move to another council is sent there, not ceased by a decision the family can appeal")
        .rootCause().hasMessageContaining("ceaseReason").hasMessageContaining("transfer-out");
    assertThat(driver.task(ref, "decideReviewOutcome").getId()).isEqualTo(decision.getId());
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "CEASE", "ceaseReason", "2",
        "reason", "Needs are now met through SEN support."));

    // decided 15 Feb 2027: the family may appeal until 15 Apr 2027, so the plan ceases on 16 Apr 2027
    CaseView view = caseFile.view(ref);
    assertThat(view.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(view.notices()).filteredOn(n -> n.type().equals("PLAN_CEASED")).singleElement()
        .satisfies(notice -> assertThat(notice.text()).contains("the\nplan will stop on 16 April 2027"));
    assertThat(view.milestones()).filteredOn(m -> m.type() == MilestoneType.PLAN_CEASE_DECIDED)
        .extracting(CaseView.Milestone::detail).containsExactly("SEN2 reason 2; the plan stays in force while the"
            + " family may appeal (until 2027-04-15) and ceases on 2027-04-16 unless they do");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list())
        .extracting(p -> p.getProcessDefinitionKey()).containsExactly("ehc-plan-ceasing");

    driver.today("2027-04-15");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    driver.today("2027-04-16");
    assertThat(caseFile.view(ref).status()).isEqualTo(CaseStatus.CEASED);
    assertThat(jdbc.sql("SELECT cease_reason || ' ' || ceased_date FROM ehc_plan WHERE case_reference = ?")
        .param(ref).query(String.class).single()).isEqualTo("2 2027-04-16");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void amendmentsWaitForTheFamilys15DaysAndAreDueIn8Weeks() {
    String ref = decidedToAmendOn22March2027();
    assertThat(EngineClock.dateOf(driver.task(ref, "sendProposedAmendments").getDueDate())).isEqualTo("2027-03-22");
    driver.complete(ref, "sendProposedAmendments", Map.of("amendmentsSent", true));

    Task views = driver.task(ref, "recordAmendmentRepresentations");
    assertThat(EngineClock.dateOf(views.getDueDate())).isEqualTo("2027-04-05");
    driver.today("2027-04-05");   // the family's last day: nothing moves
    assertThat(driver.tasks(ref, "recordAmendmentRepresentations")).hasSize(1);
    driver.today("2027-04-06");   // the window closed: the process moves on by itself
    assertThat(driver.tasks(ref, "recordAmendmentRepresentations")).isEmpty();

    Task issue = driver.task(ref, "issueAmendedPlan");
    assertThat(EngineClock.dateOf(issue.getDueDate())).isEqualTo("2027-05-17");
    driver.complete(ref, "issueAmendedPlan", Map.of("namedSetting", "Hill Top School"));
    CaseView view = caseFile.view(ref);
    assertThat(view.milestones()).extracting(CaseView.Milestone::type).contains(MilestoneType.AMENDMENTS_SENT,
        MilestoneType.AMENDMENT_WINDOW_CLOSED, MilestoneType.AMENDED_PLAN_ISSUED);
    assertThat(view.reviews()).hasSize(2);
    assertThat(view.reviews().get(1).dueDate()).isEqualTo("2028-03-22");
    assertThat(view.namedSetting()).isEqualTo("Hill Top School");
    assertThat(view.notices()).extracting(CaseView.Notice::type).contains("AMENDED_PLAN");
  }

  @Test
  void afterTheFamilysViewsTheCouncilMayDecideNotToAmendWithAnAppealableNotice() {
    String ref = decidedToAmendOn22March2027();
    driver.complete(ref, "sendProposedAmendments", Map.of("amendmentsSent", true));
    driver.complete(ref, "recordAmendmentRepresentations", Map.of("meetingRequested", true));
    driver.today("2027-04-06");
    Task issue = driver.task(ref, "issueAmendedPlan");
    assertThatThrownBy(() -> taskService.complete(issue.getId(), Map.of("amendmentDecision", "DO_NOT_AMEND")))
        .rootCause().hasMessageContaining("notAmendingReason");
    assertThatThrownBy(() -> taskService.complete(issue.getId(), Map.of("amendmentDecision", "MAYBE")))
        .rootCause().hasMessageContaining("amendmentDecision");
    driver.complete(ref, "issueAmendedPlan", Map.of("amendmentDecision", "DO_NOT_AMEND",
        "notAmendingReason", "The family showed the current provision is working."));

    CaseView view = caseFile.view(ref);
    assertThat(view.reviews().get(0).decidedNotToAmendDate()).isEqualTo("2027-04-06");
    assertThat(view.reviews().get(0).amendedPlanIssuedDate()).isNull();
    assertThat(view.namedSetting()).isEqualTo("Oak Tree School");
    assertThat(view.notices()).extracting(CaseView.Notice::type).contains("NOT_AMENDED").doesNotContain("AMENDED_PLAN");
    assertThat(view.notices()).filteredOn(n -> n.type().equals("NOT_AMENDED")).singleElement()
        .satisfies(notice -> {
          assertThat(notice.appealBy()).isEqualTo("2027-06-06");
          assertThat(notice.text()).contains("decided not to make those amendments",
              "The family showed the current provision is working.", "mediation");
        });
    assertThat(view.milestones()).extracting(CaseView.Milestone::type).contains(MilestoneType.DECIDED_NOT_TO_AMEND);
    assertThat(jdbc.sql("SELECT subject FROM notification_outbox WHERE case_reference = ? AND kind = 'NOT_AMENDED'")
        .param(ref).query(String.class).single())
        .isEqualTo(ref + ": decision not to amend the EHC plan after its review, and your right to appeal");
    assertThat(view.reviews()).hasSize(2);
    assertThat(view.reviews().get(1).dueDate()).isEqualTo("2028-03-22");
  }

  @Test
  void aChildUnderFiveIsReviewedEverySixMonths() {
    String ref = planIssuedOn("2026-05-25", "2022-09-01");
    assertThat(taskService.getVariable(driver.task(ref, "scheduleReviewMeeting").getId(), "reviewDue"))
        .isEqualTo("2026-11-25");
  }

  @Test
  void aPlanMovingInIsReviewedByTheLaterOf12MonthsAfterItsLastReviewAnd3MonthsAfterTheMove() throws Exception {
    driver.today("2026-11-20");
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var created = rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/plans/transfer-in",
        new org.springframework.http.HttpEntity<>("""
            {"child":{"forename":"Mo","surname":"Mover","dateOfBirth":"2014-02-01","sex":"M","postcode":"ZZ1 1ZZ"},
             "oldLaCode":"873","originalIssueDate":"2023-03-01","lastReviewDate":"2026-01-10",
             "transferDate":"2026-11-20","namedSetting":"Riverside School"}""", headers), String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String ref = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.getBody())
        .get("caseReference").asText();

    Task tell = driver.task(ref, "tellFamilyAboutTransfer");
    assertThat(EngineClock.dateOf(tell.getDueDate())).isEqualTo("2027-01-01");   // 6 weeks after the move
    // the later of 10 Jan 2027 (12 months from the last review) and 20 Feb 2027 (3 months from the move)
    assertThat(taskService.getVariable(driver.task(ref, "scheduleReviewMeeting").getId(), "reviewDue"))
        .isEqualTo("2027-02-20");
    driver.complete(ref, "tellFamilyAboutTransfer", Map.of("familyTold", true));
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .contains(MilestoneType.PLAN_TRANSFERRED_IN, MilestoneType.FAMILY_TOLD_ABOUT_TRANSFER);

    var badCode = rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/plans/transfer-in",
        new org.springframework.http.HttpEntity<>(created.getBody() == null ? "" : """
            {"child":{"forename":"Mo","surname":"Mover","dateOfBirth":"2014-02-01","sex":"M","postcode":"ZZ1 1ZZ"},
             "oldLaCode":"87","originalIssueDate":"2023-03-01","transferDate":"2026-11-20"}""", headers), String.class);
    assertThat(badCode.getStatusCode().value()).isEqualTo(400);
    assertThat(badCode.getBody()).contains("oldLaCode");
  }

  @Test
  void existingPlansImportFromCsvWithBadRowsReportedAndNoDuplicatesOnARerun() throws Exception {
    driver.today("2026-11-20");
    String csv = """
        reference,forename,surname,dateOfBirth,sex,postcode,issueDate,lastReviewDate,nextPhaseTransfer,placement
        IMP-%1$s-1,Ada,Imported,2015-03-01,F,AB1 2CD,2025-06-01,2026-05-10,SCHOOL:2028,Oak Tree School
        IMP-%1$s-2,Ben,Imported,2012-10-01,M,AB1 2CD,2026-02-01,,POST16:2029,Hill Top Academy
        IMP-%1$s-3,Cal,Imported,2015-03-01,X,AB1 2CD,2025-06-01,,,
        IMP-%1$s-4,Dee,Imported,2015-03-01,F,AB1 2CD,2025-13-01,,,
        IMP-%1$s-5,Eve,Imported,2015-03-01,F,AB1 2CD,2025-06-01,,NEXT YEAR,
        too,few,columns
        """.formatted(System.nanoTime());
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.valueOf("text/csv"));
    var first = rest.withBasicAuth("manager", "manager").postForEntity("/api/plans/import",
        new org.springframework.http.HttpEntity<>(csv, headers), String.class);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
    var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.getBody());
    assertThat(result.get("loaded").asInt()).isEqualTo(2);
    assertThat(result.get("errors").findValuesAsText("message")).hasSize(4);
    assertThat(result.get("errors").findValuesAsText("line")).containsExactly("4", "5", "6", "7");
    assertThat(first.getBody()).contains("sex: must be M, F or U", "issueDate: '2025-13-01' is not a date",
        "nextPhaseTransfer", "expected 10 columns");

    var again = rest.withBasicAuth("manager", "manager").postForEntity("/api/plans/import",
        new org.springframework.http.HttpEntity<>(csv, headers), String.class);
    var rerun = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.getBody());
    assertThat(rerun.get("loaded").asInt()).isZero();
    assertThat(rerun.get("alreadyImported").asInt()).isEqualTo(2);

    var due = taskService.createTaskQuery().taskDefinitionKey("scheduleReviewMeeting").list().stream()
        .map(t -> taskService.getVariable(t.getId(), "reviewDue")).toList();
    assertThat(due).contains("2027-05-10", "2027-02-01");   // 12 months from the last review, else from the issue
    assertThat(rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/plans/import",
        new org.springframework.http.HttpEntity<>(csv, headers), String.class).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aPhaseTransferYearBringsTheReviewForwardFromThe15FebruaryAnd31MarchDeadlines() throws Exception {
    driver.today("2026-04-01");
    String csv = """
        reference,forename,surname,dateOfBirth,sex,postcode,issueDate,lastReviewDate,nextPhaseTransfer,placement
        PT-%1$s-1,Ida,Primary,2016-01-10,F,AB1 2CD,2026-03-01,,SCHOOL:2027,Oak Tree Primary
        PT-%1$s-2,Jo,Secondary,2010-11-10,M,AB1 2CD,2026-03-15,,POST16:2027,Hill Top Academy
        """.formatted(System.nanoTime());
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.valueOf("text/csv"));
    var result = rest.withBasicAuth("manager", "manager").postForEntity("/api/plans/import",
        new org.springframework.http.HttpEntity<>(csv, headers), String.class);
    assertThat(result.getBody()).contains("\"loaded\":2");
    var due = taskService.createTaskQuery().taskDefinitionKey("scheduleReviewMeeting").list().stream()
        .map(t -> taskService.getVariable(t.getId(), "reviewDue")).toList();
    // 15 Feb 2027 less the 8 weeks an amended plan takes; 31 Mar 2027 likewise (not 1 and 15 March 2027)
    assertThat(due).contains("2026-12-21", "2027-02-03").doesNotContain("2027-03-01", "2027-03-15");
  }

  @Test
  void afterThePhaseTransferReviewTheNextReviewIsTwelveMonthsOnNotBroughtForwardAgain() {
    driver.today("2026-04-01");
    String source = "PT2-" + System.nanoTime();
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.valueOf("text/csv"));
    assertThat(rest.withBasicAuth("manager", "manager").postForEntity("/api/plans/import",
        new org.springframework.http.HttpEntity<>(PlanImport.HEADER + "\n" + source
            + ",Ida,Primary,2016-01-10,F,AB1 2CD,2026-03-01,,SCHOOL:2027,Oak Tree Primary\n", headers),
        String.class).getBody()).contains("\"loaded\":1");
    String ref = jdbc.sql("SELECT case_reference FROM ehc_plan WHERE source_reference = ?").param(source)
        .query(String.class).single();
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2026-12-21"));   // 8 weeks before 15 Feb 2027
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::detail)
        .contains("Review 1 due 2026-12-21, brought forward for the phase transfer SCHOOL:2027");

    driver.today("2026-10-20");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2026-11-16"));
    driver.giveAllAdvice(ref);
    driver.today("2026-11-20");
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Ready to move."));
    driver.today("2026-12-01");
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "MAINTAIN",
        "reason", "Secondary school named."));

    // SCHOOL:2027 is still recorded and 15 Feb 2027 still ahead, but it has had its review: 12 months from 1 Dec
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::cycle, PlanRecords.Review::dueDate)
        .containsExactly(tuple(1, LocalDate.parse("2026-12-21")), tuple(2, LocalDate.parse("2027-12-01")));
    assertThat(taskService.getVariable(driver.task(ref, "scheduleReviewMeeting").getId(), "reviewDue"))
        .isEqualTo("2027-12-01");
    driver.today("2027-01-05");   // no warning for the regular review, which is 11 months away
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.date().isAfter(LocalDate.parse("2026-12-01")))
        .extracting(CaseView.Milestone::type).doesNotContain(MilestoneType.REVIEW_AMBER, MilestoneType.REVIEW_RED);

    // a mistyped transfer brings review 2 forward; corrected back to SCHOOL:2027, which review 1 settled, it is
    // regular again, not brought forward a second time for SCHOOL:2027
    putNextPhaseTransfer(ref, "POST16_TO_POST16:2028-03-01");   // settled by 1 Oct 2027: decided by 6 Aug 2027
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate).last()
        .isEqualTo(LocalDate.parse("2027-08-06"));
    putNextPhaseTransfer(ref, "SCHOOL:2027");
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate).last()
        .isEqualTo(LocalDate.parse("2027-12-01"));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_PUT_BACK)
        .extracting(CaseView.Milestone::detail).containsExactly("Review 2 due 2027-12-01 (was 2027-08-06), the"
            + " regular date: the phase transfer is now SCHOOL:2027");
  }

  @Test
  void aPhaseTransferRecordedWhileAReviewIsOpenBringsThatReviewForward() {
    String ref = planIssuedOn("2026-05-25");   // review 1 due 25 May 2027
    driver.today("2026-05-26");
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var answer = rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref
        + "/next-phase-transfer", org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
            "{\"nextPhaseTransfer\":\"SCHOOL:2027\"}", headers), String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);

    // decided by 21 Dec 2026, so that the amended plan can be issued by 15 Feb 2027 (reg 18(1)(b))
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::cycle, PlanRecords.Review::dueDate)
        .containsExactly(tuple(1, LocalDate.parse("2026-12-21")));
    Task schedule = driver.task(ref, "scheduleReviewMeeting");
    assertThat(EngineClock.dateOf(schedule.getDueDate())).isEqualTo("2026-11-09");   // meeting by 23 Nov, 2 weeks' notice
    assertThat(taskService.getVariable(schedule.getId(), "reviewDue")).isEqualTo("2026-12-21");
    assertThat(taskService.getVariable(schedule.getId(), "latestMeetingDate")).isEqualTo("2026-11-23");
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_BROUGHT_FORWARD)
        .extracting(CaseView.Milestone::detail, CaseView.Milestone::recordedBy).containsExactly(tuple(
            "Review 1 due 2026-12-21 (was 2027-05-25), for the phase transfer SCHOOL:2027", "caseworker"));

    // the transfer moved a year later: back to the regular date; the first transfer again brings it forward again,
    // a transfer needing a later but still early review moves it there, and the same transfer again changes nothing
    putNextPhaseTransfer(ref, "SCHOOL:2028");
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2027-05-25"));
    assertThat(EngineClock.dateOf(driver.task(ref, "scheduleReviewMeeting").getDueDate())).isEqualTo("2027-04-13");
    assertThat(taskService.getVariable(schedule.getId(), "latestMeetingDate")).isEqualTo("2027-04-27");
    putNextPhaseTransfer(ref, "SCHOOL:2027");
    putNextPhaseTransfer(ref, "POST16:2027");   // 31 Mar 2027: decided by 3 Feb 2027
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2027-02-03"));
    putNextPhaseTransfer(ref, "SCHOOL:2027");
    putNextPhaseTransfer(ref, "SCHOOL:2027");
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2026-12-21"));
    assertThat(caseFile.view(ref).milestones())
        .filteredOn(m -> m.type() == MilestoneType.REVIEW_BROUGHT_FORWARD || m.type() == MilestoneType.REVIEW_PUT_BACK)
        .extracting(CaseView.Milestone::type, CaseView.Milestone::detail).containsExactly(
            tuple(MilestoneType.REVIEW_BROUGHT_FORWARD,
                "Review 1 due 2026-12-21 (was 2027-05-25), for the phase transfer SCHOOL:2027"),
            tuple(MilestoneType.REVIEW_PUT_BACK,
                "Review 1 due 2027-05-25 (was 2026-12-21), the regular date: the phase transfer is now SCHOOL:2028"),
            tuple(MilestoneType.REVIEW_BROUGHT_FORWARD,
                "Review 1 due 2026-12-21 (was 2027-05-25), for the phase transfer SCHOOL:2027"),
            tuple(MilestoneType.REVIEW_PUT_BACK,
                "Review 1 due 2027-02-03 (was 2026-12-21), for the phase transfer POST16:2027"),
            tuple(MilestoneType.REVIEW_BROUGHT_FORWARD,
                "Review 1 due 2026-12-21 (was 2027-02-03), for the phase transfer SCHOOL:2027"));

    // the watch runs from the new date: AMBER 2 weeks before 21 Dec 2026, not before 25 May 2027
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ehc-review-watch")
        .processInstanceBusinessKey(ref).count()).isEqualTo(1);
    driver.today("2026-12-07");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type, CaseView.Milestone::date)
        .contains(tuple(MilestoneType.REVIEW_AMBER, LocalDate.parse("2026-12-07")));

    // the child stays where they are after all: the transfer is cleared and the review goes back to its regular date
    assertThat(deleteNextPhaseTransfer(ref, "panel")).isEqualTo(403);
    assertThat(deleteNextPhaseTransfer("EHC-1999-000001", "caseworker")).isEqualTo(404);
    assertThat(deleteNextPhaseTransfer(ref, "manager")).isEqualTo(200);
    assertThat(jdbc.sql("SELECT COALESCE(next_phase_transfer, '-') || ' ' || COALESCE(phase_transfer_deadline,"
        + " DATE '2000-01-01') FROM ehc_plan WHERE case_reference = ?").param(ref).query(String.class).single())
        .isEqualTo("- 2000-01-01");
    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2027-05-25"));
    assertThat(taskService.getVariable(driver.task(ref, "scheduleReviewMeeting").getId(), "reviewDue"))
        .isEqualTo("2027-05-25");
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_PUT_BACK)
        .extracting(CaseView.Milestone::detail).last().isEqualTo("Review 1 due 2027-05-25 (was 2026-12-21), the"
            + " regular date: no phase transfer is recorded now");
    assertThat(deleteNextPhaseTransfer(ref, "caseworker")).as("clearing again changes nothing").isEqualTo(200);
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_PUT_BACK)
        .hasSize(3);
  }

  private int deleteNextPhaseTransfer(String ref, String user) {
    return rest.withBasicAuth(user, user).exchange("/api/plans/" + ref + "/next-phase-transfer",
        org.springframework.http.HttpMethod.DELETE, null, String.class).getStatusCode().value();
  }

  @Test
  void aTransferRecordedLateBringsTheReviewToTodayAndOneRecordedAfterItsDeadlineChangesNothing() {
    String late = planIssuedOn("2026-05-25");
    String tooLate = planIssuedOn("2026-05-25");
    driver.today("2027-01-10");   // 21 Dec 2026 has passed, 15 Feb 2027 has not
    putNextPhaseTransfer(late, "SCHOOL:2027");
    assertThat(caseFile.view(late).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2027-01-10"));
    driver.today("2027-02-15");
    putNextPhaseTransfer(tooLate, "SCHOOL:2027");
    assertThat(caseFile.view(tooLate).reviews()).extracting(PlanRecords.Review::dueDate)
        .containsExactly(LocalDate.parse("2027-05-25"));
    assertThat(caseFile.view(tooLate).milestones()).extracting(CaseView.Milestone::type)
        .doesNotContain(MilestoneType.REVIEW_BROUGHT_FORWARD);
  }

  @Test
  void aMeetingArrangedAfterTheBroughtForwardReviewsLatestDateIsToldToTheCaseworkerAndManagersAtOnce() {
    String ref = planIssuedOn("2026-05-25");   // review 1 due 25 May 2027
    driver.today("2026-05-26");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-04-20"));
    putNextPhaseTransfer(ref, "SCHOOL:2027");   // due 21 Dec 2026: meeting by 23 Nov 2026

    assertThat(caseFile.view(ref).reviews()).extracting(PlanRecords.Review::dueDate, PlanRecords.Review::meetingDate)
        .containsExactly(tuple(LocalDate.parse("2026-12-21"), LocalDate.parse("2027-04-20")));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_BROUGHT_FORWARD)
        .extracting(CaseView.Milestone::detail).containsExactly("Review 1 due 2026-12-21 (was 2027-05-25), for the"
            + " phase transfer SCHOOL:2027; the meeting on 2027-04-20 is after the latest date 2026-11-23,"
            + " caseworker and managers told");
    List<Map<String, Object>> told = jdbc.sql("SELECT recipient, subject, body FROM notification_outbox"
        + " WHERE case_reference = ? AND kind = 'REVIEW_MEETING_TOO_LATE' ORDER BY recipient").param(ref)
        .query().listOfRows();
    assertThat(told).extracting(row -> row.get("recipient"))
        .containsExactly("caseworker@ehc-pathway.example", "manager@ehc-pathway.example");
    assertThat(told).allSatisfy(row -> {
      assertThat(row.get("subject")).isEqualTo(ref + ": review meeting on Tuesday 20 April 2027 is too late - hold"
          + " it by Monday 23 November 2026");
      assertThat(row.get("body").toString()).contains("SCHOOL:2027", "due by Monday 21 December 2026",
          "arranged for Tuesday 20 April 2027").doesNotContain("2016");   // no date of birth, no name
    });

    // a meeting arranged in time for the new date tells nobody
    String inTime = planIssuedOn("2026-05-25");
    driver.complete(inTime, "scheduleReviewMeeting", Map.of("meetingDate", "2026-11-16"));
    putNextPhaseTransfer(inTime, "SCHOOL:2027");
    assertThat(meetingWarnings(inTime)).isEmpty();

    // recorded late (due today, 10 Jan 2027): the latest date has passed; a meeting already held tells nobody
    String late = planIssuedOn("2026-05-25");
    String held = planIssuedOn("2026-05-25");
    driver.complete(late, "scheduleReviewMeeting", Map.of("meetingDate", "2027-02-01"));
    driver.complete(held, "scheduleReviewMeeting", Map.of("meetingDate", "2027-01-05"));
    driver.today("2027-01-10");
    putNextPhaseTransfer(late, "SCHOOL:2027");
    putNextPhaseTransfer(held, "SCHOOL:2027");
    assertThat(meetingWarnings(late)).containsOnly(late + ": review meeting on Monday 1 February 2027 is too late"
        + " - hold it as soon as you can");
    assertThat(meetingWarnings(held)).isEmpty();
  }

  private List<String> meetingWarnings(String ref) {
    return jdbc.sql("SELECT subject FROM notification_outbox WHERE case_reference = ?"
        + " AND kind = 'REVIEW_MEETING_TOO_LATE'").param(ref).query(String.class).list();
  }

  private void putNextPhaseTransfer(String ref, String transfer) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("caseworker", "caseworker").exchange("/api/plans/" + ref + "/next-phase-transfer",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(
            "{\"nextPhaseTransfer\":\"" + transfer + "\"}", headers), String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void aReviewWithNoDecisionTurnsAmberThenRedAndTellsTheCaseworkerAndManagers() {
    String ref = planIssuedOn("2026-05-25");
    driver.today("2027-05-10");
    assertThat(caseFile.view(ref).milestones()).extracting(CaseView.Milestone::type)
        .doesNotContain(MilestoneType.REVIEW_AMBER);
    driver.today("2027-05-11");
    driver.today("2027-05-26");
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type().name().startsWith("REVIEW_"))
        .extracting(CaseView.Milestone::type, CaseView.Milestone::date).contains(
            tuple(MilestoneType.REVIEW_AMBER, LocalDate.parse("2027-05-11")),
            tuple(MilestoneType.REVIEW_RED, LocalDate.parse("2027-05-26")));
    assertThat(caseFile.view(ref).milestones()).filteredOn(m -> m.type() == MilestoneType.REVIEW_RED)
        .extracting(CaseView.Milestone::detail).singleElement().asString()
        .contains("caseworker@ehc-pathway.example", "manager@ehc-pathway.example");
  }

  /** The worked example's plan: meeting 10 Mar 2027, report recommending changes, AMEND decided 22 Mar 2027. */
  private String decidedToAmendOn22March2027() {
    String ref = planIssuedOn("2026-05-25");
    driver.today("2027-02-15");
    driver.complete(ref, "scheduleReviewMeeting", Map.of("meetingDate", "2027-03-10"));
    driver.giveAllAdvice(ref);
    driver.complete(ref, "submitReviewReport", Map.of("recommendation", "AMEND", "summary", "New needs."));
    driver.today("2027-03-22");
    driver.complete(ref, "decideReviewOutcome", Map.of("reviewOutcome", "AMEND", "reason", "Section F changes."));
    return ref;
  }

  private String planIssuedOn(String issueDate) {
    return driver.planIssuedOn(issueDate, "2016-05-01");
  }

  private String planIssuedOn(String issueDate, String dateOfBirth) {
    return driver.planIssuedOn(issueDate, dateOfBirth);
  }
}
