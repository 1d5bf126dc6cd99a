package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.ExceptionGround;
import org.ehcpathway.casefile.ExceptionRegister;
import org.ehcpathway.casefile.ExceptionRequest;
import org.ehcpathway.review.PlanImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * The SEN2 return of collection year 2033 (work of 2032, census date Thursday 20 January 2033), from cases taken
 * through the real engine in 2031 and 2032, years no other test uses. Every return is checked against the DfE schema.
 */
@PathwayIntegrationTest
class Sen2ExportTest {

  private static final String DOB = "2020-06-01";   // Year 6 in 2031/32: yearly reviews, no preparing for adulthood

  @Autowired PathwayDriver driver;
  @Autowired TestRestTemplate rest;
  @Autowired ExceptionRegister exceptions;
  @Autowired CaseFile caseFile;
  @Autowired JdbcClient jdbc;
  @Autowired PlanImport planImport;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theReturnOf2033CodesEachChildsRequestAssessmentPlanAndReview() throws Exception {
    driver.today("2031-03-03");
    String maintained = receive("Maintained", "2031-03-03", "PARENT", "\"ethnicity\":\"WBRI\",\"primaryNeed\":\"ASD\"");
    String ceased = receive("Ceased", "2031-03-03", "YOUNG_PERSON",
        "\"primaryNeed\":\"SLCN\",\"secondaryNeed\":\"SEMH\"");
    driver.today("2031-03-31");
    assessAndIssue(maintained);
    assessAndIssue(ceased);
    driver.today("2031-05-01");
    draftToAgreed(maintained, "Oak Tree School");
    draftToAgreed(ceased, "Riverside Academy");
    driver.today("2031-07-14");
    driver.complete(maintained, "issueFinalPlan", Map.of());
    driver.complete(ceased, "issueFinalPlan", Map.of());

    driver.today("2032-01-05");
    String refused = receive("Refused", "2032-01-05", "SCHOOL", "\"ethnicity\":\"AIND\"");
    String notIssued = receive("Notissued", "2032-01-05", "PARENT", "");
    String onTime = receive("Ontime", "2032-01-05", "PARENT", "\"primaryNeed\":\"MLD\"");
    String late = receive("Late", "2032-01-05", "PARENT", "\"primaryNeed\":\"PD\"");
    driver.today("2032-02-02");   // after the 2032 census date (15 January): these decisions are not in that return
    driver.complete(refused, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
    for (String ref : new String[] {notIssued, onTime, late}) {
      driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
          "reason", "Evidence."));
      driver.giveAllAdvice(ref);
    }
    driver.today("2032-03-01");
    String withdrawn = receive("Withdrawn", "2032-03-01", "PARENT", "");
    driver.today("2032-03-08");
    caseFile.withdraw(withdrawn, "Family moved away.");

    driver.today("2032-04-12");
    driver.complete(notIssued, "decideWhetherToIssue", Map.of("decision", "DO_NOT_ISSUE", "reason", "SEN support."));
    driver.complete(onTime, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    driver.complete(late, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    draftToAgreed(onTime, "Oak Tree School");
    exceptions.record(late, new ExceptionRequest(ExceptionGround.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
        LocalDate.parse("2032-04-12"), LocalDate.parse("2032-06-20"), "Family bereavement.",
        ExceptionRequest.AppliesTo.FINAL_PLAN, null), "caseworker");

    driver.today("2032-04-19");
    driver.complete(maintained, "scheduleReviewMeeting", Map.of("meetingDate", "2032-05-10"));
    driver.complete(ceased, "scheduleReviewMeeting", Map.of("meetingDate", "2032-05-10"));
    driver.today("2032-05-10");
    for (String ref : new String[] {maintained, ceased}) {
      driver.giveAllAdvice(ref);
      driver.complete(ref, "submitReviewReport", Map.of("recommendation", "MAINTAIN", "summary", "Progress."));
    }
    driver.today("2032-05-17");
    driver.complete(onTime, "issueFinalPlan", Map.of());   // the 20 weeks end on 24 May 2032
    driver.today("2032-05-18");
    driver.complete(maintained, "decideReviewOutcome", Map.of("reviewOutcome", "MAINTAIN", "reason", "Unchanged."));
    driver.complete(ceased, "decideReviewOutcome", Map.of("reviewOutcome", "CEASE", "ceaseReason", "4",
        "reason", "Moved on to paid employment."));
    draftToAgreed(late, "Hill Top School");
    driver.today("2032-07-01");
    driver.complete(late, "issueFinalPlan", Map.of());
    driver.today("2032-12-01");
    receive("Ongoing", "2032-12-01", "PARENT", "");

    Document sen2 = validReturn(2033);
    assertThat(text(sen2, "/Message/Header/CollectionDetails/Year")).isEqualTo("2033");
    assertThat(text(sen2, "/Message/Header/CollectionDetails/ReferenceDate")).isEqualTo("2033-01-20");
    assertThat(text(sen2, "/Message/Header/Source/LEA")).isEqualTo("999");
    assertThat(text(sen2, "/Message/Header/Source/DateTime")).isEqualTo("2032-12-01T10:00:00");

    // A plan issued in 2031, maintained at its review in 2032: historical, with its review
    assertThat(values(sen2, "Maintained", "Ethnicity", "Requests/ReceivedDate", "Requests/RYA",
        "Requests/RequestOutcome", "Requests/Assessment/AssessmentOutcome",
        "Requests/Assessment/NamedPlan/StartDate", "Requests/Assessment/NamedPlan/PlanDetail/SENSetting",
        "Requests/Assessment/NamedPlan/PlanDetail/SENSettingOther", "Requests/ActivePlans/PlacementDetail/EntryDate",
        "Requests/ActivePlans/SENneed/SENtype", "Requests/ActivePlans/ReviewMeeting",
        "Requests/ActivePlans/ReviewOutcome", "Requests/ActivePlans/LastReview"))
        .containsExactly("WBRI", "2031-03-03", "false", "H", "H", "2031-07-14", "OTH", "Oak Tree School",
            "2031-07-14", "ASD", "2032-05-10", "M", "2032-05-18");
    // Decided at its review to cease (SEN2 reason 4) on 18 May 2032; with no appeal by 18 Jul 2032 it ceased on
    // 19 Jul 2032 (the job ran when the clock next moved, on 1 Dec); the request came from the young person
    assertThat(values(sen2, "Ceased", "Ethnicity", "Requests/RYA", "Requests/RequestOutcome",
        "Requests/Assessment/NamedPlan/CeaseDate", "Requests/Assessment/NamedPlan/CeaseReason",
        "Requests/ActivePlans/PlacementDetail/LeavingDate", "Requests/ActivePlans/SENneed[2]/SENtype",
        "Requests/ActivePlans/SENneed[2]/SENtypeRank", "Requests/ActivePlans/ReviewOutcome"))
        .containsExactly("NOBT", "true", "H", "2032-07-19", "4", "2032-07-19", "SEMH", "2", "C");
    assertThat(values(sen2, "Refused", "Ethnicity", "Requests/RequestOutcome", "Requests/RequestOutcomeDate",
        "count(Requests/Assessment)")).containsExactly("AIND", "N", "2032-02-02", "0");
    assertThat(values(sen2, "Notissued", "Requests/RequestOutcome", "Requests/RequestOutcomeDate",
        "Requests/Assessment/AssessmentOutcome", "Requests/Assessment/AssessmentOutcomeDate",
        "count(Requests/Assessment/NamedPlan)", "count(Requests/ActivePlans)"))
        .containsExactly("Y", "2032-02-02", "N", "2032-04-12", "0", "0");
    assertThat(values(sen2, "Ontime", "Requests/RequestOutcome", "Requests/Assessment/AssessmentOutcome",
        "Requests/Assessment/AssessmentOutcomeDate", "Requests/Assessment/Week20",
        "Requests/Assessment/NamedPlan/StartDate", "Requests/ActivePlans/SENneed/SENtype",
        "count(Requests/ActivePlans/ReviewOutcome)"))
        .containsExactly("Y", "Y", "2032-04-12", "false", "2032-05-17", "MLD", "0");
    assertThat(values(sen2, "Late", "Requests/Assessment/Week20", "Requests/Assessment/NamedPlan/StartDate",
        "Requests/Assessment/NamedPlan/PlanDetail/SENSettingOther"))
        .containsExactly("true", "2032-07-01", "Hill Top School");
    assertThat(values(sen2, "Withdrawn", "Requests/RequestOutcome", "Requests/RequestOutcomeDate",
        "count(Requests/Assessment)")).containsExactly("W", "2032-03-08", "0");
    assertThat(values(sen2, "Ongoing", "Requests/ReceivedDate", "Requests/RequestOutcome",
        "count(Requests/RequestOutcomeDate)")).containsExactly("2032-12-01", "A", "0");

    // The 2032 return (work of 2031, census 15 January 2032) shows the same plans as new and without the 2032
    // review; requests received by its census date as awaiting a decision; none received after it
    Document sen2of2032 = validReturn(2032);
    assertThat(values(sen2of2032, "Maintained", "Requests/RequestOutcome", "Requests/RequestOutcomeDate",
        "Requests/Assessment/AssessmentOutcome", "Requests/Assessment/Week20",
        "count(Requests/ActivePlans/ReviewMeeting)", "count(Requests/ActivePlans/LastReview)"))
        .containsExactly("Y", "2031-03-31", "Y", "false", "0", "0");
    assertThat(values(sen2of2032, "Refused", "Requests/RequestOutcome", "count(Requests/RequestOutcomeDate)"))
        .containsExactly("A", "0");
    assertThat(text(sen2of2032, "count(//Person[Surname='Sentwo' and Forename='Withdrawn'])")).isEqualTo("0");
  }

  @Test
  void importedPlansWithTheirSen2DetailsCountAsActivePlansAndThoseWithoutAreLeftOut() throws Exception {
    driver.today("2032-06-01");
    PlanImport.Result result = planImport.load(PlanImport.HEADER_WITH_SEN2 + "\n"
        + "IMP-SEN2-1,Withneed,Imported,2020-06-01,F,AB1 2CD,2029-09-01,2031-09-01,,Elm School,ASD,SLCN,WBRI\n"
        + "IMP-SEN2-2,Withoutneed,Imported,2020-06-01,M,AB1 2CD,2029-09-01,2031-09-01,,Elm School,,,\n"
        + "IMP-SEN2-3,Badneed,Imported,2020-06-01,M,AB1 2CD,2029-09-01,2031-09-01,,Elm School,AUTISM,,\n"
        + "IMP-SEN2-4,Short,Imported,2020-06-01,M,AB1 2CD,2029-09-01,2031-09-01,,Elm School\n", "manager");

    assertThat(result.loaded()).isEqualTo(2);
    assertThat(result.errors()).extracting(PlanImport.RowError::line, PlanImport.RowError::message)
        .containsExactly(tuple(4, "primaryNeed: 'AUTISM' is not an SEN2 code (SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI,"
            + " MSI, PD, ASD, OTH)"), tuple(5, "expected 13 columns, found 10"));
    Document sen2 = validReturn(2033);
    String with = "/Message/Persons/Person[Surname='Imported' and Forename='Withneed']";
    String without = "/Message/Persons/Person[Surname='Imported' and Forename='Withoutneed']";
    var xpath = XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate(with + "/Ethnicity", sen2)).isEqualTo("WBRI");
    assertThat(xpath.evaluate(with + "/Requests/ActivePlans/SENneed[1]/SENtype", sen2)).isEqualTo("ASD");
    assertThat(xpath.evaluate(with + "/Requests/ActivePlans/SENneed[2]/SENtype", sen2)).isEqualTo("SLCN");
    assertThat(xpath.evaluate("count(" + without + "/Requests/ActivePlans)", sen2))
        .as("SEN2 has no 'need not known': a plan without one is left out of ActivePlans").isEqualTo("0");
    assertThat(xpath.evaluate(without + "/Ethnicity", sen2)).isEqualTo("NOBT");
  }

  @Test
  void everyYearOfWhateverTheDatabaseHoldsIsAValidReturn() throws Exception {
    driver.planIssuedOn("2026-05-25", "2016-05-01");   // so there is a plan, whichever test ran first
    driver.today("2032-06-01");
    LocalDate first = jdbc.sql("SELECT MIN(request_received_date) FROM ehc_case").query(LocalDate.class).single();
    int checked = 0;
    for (int year = Math.max(first.getYear(), 2015); year <= 2033; year++) {   // 2015: the first SEN2 of plans
      ResponseEntity<byte[]> response = manager().getForEntity("/api/reports/sen2?year=" + year, byte[].class);
      if (response.getStatusCode().value() == 404) {
        continue;
      }
      assertThat(response.getStatusCode().value()).as("SEN2 %d", year).isEqualTo(200);
      validate(response.getBody());
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @Test
  void onlyManagersMayExportAndTheYearMustBeACollectionYear() {
    driver.today("2032-06-01");
    assertThat(rest.getForEntity("/api/reports/sen2?year=2032", String.class).getStatusCode().value())
        .isEqualTo(401);
    for (String user : new String[] {"caseworker", "panel", "health"}) {
      assertThat(rest.withBasicAuth(user, user).getForEntity("/api/reports/sen2?year=2032", String.class)
          .getStatusCode().value()).as(user).isEqualTo(403);
    }
    for (String bad : new String[] {"", "?year=", "?year=twenty", "?year=2014", "?year=2034", "?year=20321"}) {
      ResponseEntity<String> response = manager().getForEntity("/api/reports/sen2" + bad, String.class);
      assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
      assertThat(response.getHeaders().getContentType()).as(bad).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody()).as(bad).contains("\"field\":\"year\"");
    }
    assertThat(manager().getForEntity("/api/reports/sen2?year=2015", String.class).getStatusCode().value())
        .isEqualTo(404);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String badEthnicity = """
        {"child": {"forename": "Bad", "surname": "Sentwo", "dateOfBirth": "2020-06-01", "sex": "F",
         "postcode": "AB1 2CD", "ethnicity": "BBRI", "primaryNeed": "DYSLEXIA"},
         "requestReceivedDate": "2032-05-01", "requestSource": "PARENT"}""";
    ResponseEntity<String> refused = rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/cases",
        new HttpEntity<>(badEthnicity, headers), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("child.ethnicity").contains("child.primaryNeed");
  }

  private TestRestTemplate manager() {
    return rest.withBasicAuth("manager", "manager");
  }

  /** Logs a request through the API, as a caseworker would, with the SEN2 details given as JSON fields. */
  private String receive(String forename, String received, String source, String sen2Fields) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = """
        {"child": {"forename": "%s", "surname": "Sentwo", "dateOfBirth": "%s", "sex": "F", "postcode": "AB1 2CD"%s},
         "requestReceivedDate": "%s", "requestSource": "%s"}"""
        .formatted(forename, DOB, sen2Fields.isEmpty() ? "" : ", " + sen2Fields, received, source);
    ResponseEntity<Map> response = rest.withBasicAuth("caseworker", "caseworker").postForEntity("/api/cases",
        new HttpEntity<>(body, headers), Map.class);
    assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
    return (String) response.getBody().get("caseReference");
  }

  private void assessAndIssue(String ref) {
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
        "reason", "Evidence."));
    driver.giveAllAdvice(ref);
    driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
  }

  private void draftToAgreed(String ref, String setting) {
    driver.complete(ref, "draftPlan", Map.of());
    driver.complete(ref, "recordRepresentations", Map.of("preferredSetting", setting));
    driver.complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
    driver.complete(ref, "agreeProvision", Map.of("namedSetting", setting, "fundingBand", "BAND_2"));
  }

  private Document validReturn(int year) throws Exception {
    ResponseEntity<byte[]> response = manager().getForEntity("/api/reports/sen2?year=" + year, byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
    validate(response.getBody());
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
  }

  /** Throws, naming the line and the rule, unless the document is valid against the DfE's SEN2 2024 schema. */
  private static void validate(byte[] xml) throws Exception {
    Sen2Schema.validate(xml);
  }

  /** The values at each path below the one person of surname Sentwo with this forename. */
  private static String[] values(Document doc, String forename, String... paths) throws Exception {
    var xpath = XPathFactory.newInstance().newXPath();
    String person = "/Message/Persons/Person[Surname='Sentwo' and Forename='" + forename + "']";
    assertThat(xpath.evaluate("count(" + person + ")", doc)).as(forename).isEqualTo("1");
    String[] values = new String[paths.length];
    for (int i = 0; i < paths.length; i++) {
      values[i] = paths[i].startsWith("count(")
          ? xpath.evaluate("count(" + person + "/" + paths[i].substring(6), doc)
          : xpath.evaluate(person + "/" + paths[i], doc);
    }
    return values;
  }

  private static String text(Document doc, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, doc);
  }
}
