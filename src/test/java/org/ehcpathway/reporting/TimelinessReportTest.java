package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Known answers, built through the real engine in 2030 (a year no other test uses). Four requests received on
 * Monday 7 January 2030, so the 6-week limit is 18 Feb, the 16-week limit 29 Apr and the 20-week limit 27 May:
 * <ul>
 *   <li>A: refused on 18 Feb (exactly 6 weeks: within)</li>
 *   <li>B: assessed on 19 Feb (6 weeks + 1 day: late), no plan on 29 Apr (exactly 16 weeks: within)</li>
 *   <li>C: assessed 1 Feb, plan issued 27 May (exactly 20 weeks: within)</li>
 *   <li>D: assessed 1 Feb, an exception recorded, plan issued 28 May (20 weeks + 1 day: late)</li>
 * </ul>
 * and a plan moved in from another council in March 2030, which never counts as this council's new plan.
 */
@PathwayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessReportTest {

  @Autowired PathwayDriver driver;
  @Autowired TestRestTemplate rest;
  @Autowired TimelinessReports reports;
  final ObjectMapper json = new ObjectMapper();

  String refused;
  String noPlan;
  String onTime;
  String late;

  @BeforeAll
  void buildCases() {
    driver.today("2030-01-07");
    refused = driver.receiveRequest("2030-01-07", "2020-03-01").caseReference();
    noPlan = driver.receiveRequest("2030-01-07", "2020-03-01").caseReference();
    onTime = driver.receiveRequest("2030-01-07", "2020-03-01").caseReference();
    late = driver.receiveRequest("2030-01-07", "2020-03-01").caseReference();

    driver.today("2030-02-01");
    for (String ref : new String[] {onTime, late}) {
      assess(ref);
      driver.giveAllAdvice(ref);
      driver.complete(ref, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    }
    driver.today("2030-02-18");
    driver.complete(refused, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
    driver.today("2030-02-19");
    assess(noPlan);
    driver.giveAllAdvice(noPlan);
    driver.today("2030-03-04");
    for (String ref : new String[] {onTime, late}) {
      driver.complete(ref, "draftPlan", Map.of());
      driver.complete(ref, "recordRepresentations", Map.of("preferredSetting", "Oak Tree School"));
      driver.complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
      driver.complete(ref, "agreeProvision", Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_2"));
    }
    post("/api/cases/" + late + "/exceptions", """
        {"ground":"EXCEPTIONAL_PERSONAL_CIRCUMSTANCES","from":"2030-02-10","to":"2030-03-01",
         "evidence":"Family bereavement","appliesTo":"FINAL_PLAN"}""");
    post("/api/plans/transfer-in", """
        {"child":{"forename":"Moved","surname":"In","dateOfBirth":"2019-01-01","sex":"M","postcode":"AB1 2CD"},
         "oldLaCode":"201","originalIssueDate":"2029-06-01","transferDate":"2030-03-04"}""");
    driver.today("2030-04-29");
    driver.complete(noPlan, "decideWhetherToIssue", Map.of("decision", "DO_NOT_ISSUE", "reason", "SEN support."));
    driver.today("2030-05-27");
    driver.complete(onTime, "issueFinalPlan", Map.of());
    driver.today("2030-05-28");
    driver.complete(late, "issueFinalPlan", Map.of());
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theYearsFiguresFollowTheDfeDefinitionsIncludingTheExactBoundaries() throws Exception {
    JsonNode report = get("/api/reports/timeliness?from=2030-01-01&to=2030-12-31");
    assertThat(report.get("requestsReceived").asLong()).isEqualTo(4);
    assertThat(report.get("decisionsToAssess").toString()).isEqualTo(
        "{\"total\":4,\"assess\":3,\"doNotAssess\":1,\"within6Weeks\":3,\"percentWithin6Weeks\":75.0}");
    assertThat(report.get("noPlanDecisions").toString()).isEqualTo(
        "{\"total\":1,\"within16Weeks\":1,\"percentWithin16Weeks\":100.0}");
    assertThat(report.get("newPlans").toString()).isEqualTo("{\"issued\":2,\"within20Weeks\":1,"
        + "\"percentWithin20Weeks\":50.0,\"issuedExcludingExceptions\":1,\"within20WeeksExcludingExceptions\":1,"
        + "\"percentWithin20WeeksExcludingExceptions\":100.0,\"medianWeeksToIssue\":20.1,\"over52Weeks\":0}");
    // educational advice for three assessed cases, all returned on the day asked
    assertThat(report.get("advice").get("EDUCATIONAL").toString())
        .isEqualTo("{\"requested\":3,\"returned\":3,\"returnedWithin6Weeks\":3,\"outstandingOverdue\":0}");
    assertThat(report.get("advice").get("HEALTH").get("requested").asLong()).isZero();
    assertThat(report.get("bySource").get("PARENT").toString()).isEqualTo("{\"requestsReceived\":4,"
        + "\"decisionsToAssess\":4,\"decisionsWithin6Weeks\":3,\"plansIssued\":2,\"plansWithin20Weeks\":1,"
        + "\"percentWithin20Weeks\":50.0}");
    assertThat(report.get("byCaseworker").get("caseworker").get("requestsReceived").asLong()).isEqualTo(4);
  }

  @Test
  void aPeriodWithNothingInItHasNullPercentagesNotZeroes() throws Exception {
    JsonNode report = get("/api/reports/timeliness?from=2030-07-01&to=2030-07-31");
    assertThat(report.get("requestsReceived").asLong()).isZero();
    assertThat(report.get("decisionsToAssess").get("percentWithin6Weeks").isNull()).isTrue();
    assertThat(report.get("newPlans").get("percentWithin20Weeks").isNull()).isTrue();
    assertThat(report.get("newPlans").get("medianWeeksToIssue").isNull()).isTrue();
  }

  @Test
  void eachEventCountsInTheMonthItHappenedAndTheMonthsAddUpToTheYear() throws Exception {
    JsonNode monthly = get("/api/reports/timeliness/monthly?year=2030");
    JsonNode months = monthly.get("months");
    assertThat(months).hasSize(12);
    assertThat(months.get(0).get("requestsReceived").asLong()).isEqualTo(4);            // January
    assertThat(months.get(1).get("decisionsToAssess").get("total").asLong()).isEqualTo(4);   // February
    assertThat(months.get(3).get("noPlanDecisions").get("total").asLong()).isEqualTo(1);     // April
    assertThat(months.get(4).get("newPlans").get("issued").asLong()).isEqualTo(2);           // May
    JsonNode year = monthly.get("wholeYear");
    for (String[] path : new String[][] {{"requestsReceived"}, {"decisionsToAssess", "total"},
        {"decisionsToAssess", "within6Weeks"}, {"decisionsToAssess", "doNotAssess"}, {"noPlanDecisions", "total"},
        {"newPlans", "issued"}, {"newPlans", "within20Weeks"}, {"newPlans", "within20WeeksExcludingExceptions"},
        {"advice", "EDUCATIONAL", "returned"}, {"reviews", "decisions"}}) {
      long sum = 0;
      for (JsonNode month : months) {
        sum += at(month, path).asLong();
      }
      assertThat(sum).as(String.join(".", path)).isEqualTo(at(year, path).asLong());
    }
    assertThat(year.toString()).isEqualTo(get("/api/reports/timeliness?from=2030-01-01&to=2030-12-31").toString());
  }

  @Test
  void monthsAcrossAYearEndInOnePassEqualEachMonthAlone() {
    var months = reports.months(java.time.YearMonth.of(2029, 11), java.time.YearMonth.of(2030, 2));
    assertThat(months).hasSize(4);
    for (TimelinessReport month : months) {
      assertThat(month).isEqualTo(reports.timeliness(month.from(), month.to()));
    }
    assertThat(months.get(2).requestsReceived()).isEqualTo(4);   // January 2030
    assertThat(months.get(3).decisionsToAssess().total()).isEqualTo(4);   // February 2030
  }

  @Test
  void csvSaysWhatTheJsonSays() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(java.util.List.of(MediaType.parseMediaType("text/csv")));
    ResponseEntity<String> csv = rest.withBasicAuth("manager", "manager").exchange(
        "/api/reports/timeliness?from=2030-01-01&to=2030-12-31", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("measure,value\r\n").contains("newPlans.within20Weeks,1\r\n",
        "newPlans.percentWithin20WeeksExcludingExceptions,100.0\r\n", "advice.HEALTH.requested,0\r\n");
    ResponseEntity<String> monthly = rest.withBasicAuth("manager", "manager").exchange(
        "/api/reports/timeliness/monthly?year=2030", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    String[] lines = monthly.getBody().split("\r\n");
    assertThat(lines).hasSize(14);
    assertThat(lines[0]).startsWith("period,requestsReceived,decisionsToAssess.total,");
    assertThat(lines[1]).startsWith("2030-01,4,0,");
    assertThat(lines[13]).startsWith("2030,4,4,");
  }

  @Test
  void onlyManagersSeeReportsAndBadPeriodsAreRefused() {
    assertThat(rest.getForEntity("/api/reports/timeliness?from=2030-01-01&to=2030-12-31", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/reports/timeliness?from=2030-01-01&to=2030-12-31", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    for (String query : new String[] {"from=2030-13-01&to=2030-12-31", "from=2030-12-31&to=2030-01-01",
        "from=2030-01-01", "from=1066-10-14&to=2030-01-01"}) {
      ResponseEntity<String> response = rest.withBasicAuth("manager", "manager")
          .getForEntity("/api/reports/timeliness?" + query, String.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(query).contains("\"status\":400").doesNotContain("Exception");
    }
    assertThat(rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/reports/timeliness/monthly?year=30", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private void assess(String ref) {
    driver.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", "EDUCATIONAL",
        "reason", "Evidence."));
  }

  private void post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.withBasicAuth("caseworker", "caseworker")
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("manager", "manager").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String step : path) {
      current = current.get(step);
    }
    return current;
  }
}
