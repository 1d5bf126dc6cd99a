package org.ehcpathway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.browser.Chromium;
import org.ehcpathway.PathwayIntegrationTest;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' dashboard in a real headless Chromium, against the API's own JSON. Four requests in 2034, a year no
 * other test uses, looked at on Friday 29 December 2034:
 * <ul>
 *   <li>A: received Mon 2 Jan, assessed 16 Jan (on time), plan issued 15 May (within the 20 weeks, due 22 May);</li>
 *   <li>B: received 2 Jan, assessed 20 Feb (6-week limit 13 Feb: late), plan issued 5 Jun (late);</li>
 *   <li>C: received 2 Jan, refused 16 Jan (on time);</li>
 *   <li>D: received Tue 1 Aug, assessed 7 Aug with educational and health advice; the educational advice came back
 *       at once, the health advice (due 18 Sep) never did, so by 29 Dec every deadline of the case has passed.</li>
 * </ul>
 * So for 2034: 2 plans, 1 within 20 weeks (50.0%, with or without exceptions); 4 decisions whether to assess, 3 within
 * 6 weeks (75.0%); no review decisions. 55 more open cases, received in autumn 2033 (outside the period) and written
 * straight into the read model, are RED and come before D in the at-risk list, so that the list has more than one page
 * of 50: the test follows the "Next page" links to D.
 *
 * <p>The dashboard's screenshot goes to {@code target/screenshots/dashboard.png}; run with
 * {@code -Dehc.screenshots=docs/img} to refresh the one in the docs.
 */
@PathwayIntegrationTest
@Chromium.Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  static final String TODAY = "2034-12-29";
  static final String PERIOD = "from=2034-01-01&to=2034-12-31";
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  static final String PAGED = "EHC-2033-95";

  @Autowired PathwayDriver pathway;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired StatutoryDeadlines rules;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  ChromeDriver browser;
  Path profile;
  String onTime;
  String late;
  String stuck;

  @BeforeAll
  void buildCasesAndStartChromium() throws IOException {
    pathway.today("2034-01-02");
    onTime = pathway.receiveRequest("2034-01-02", "2026-03-01").caseReference();
    late = pathway.receiveRequest("2034-01-02", "2026-03-01").caseReference();
    String refused = pathway.receiveRequest("2034-01-02", "2026-03-01").caseReference();
    pathway.today("2034-01-16");
    assess(onTime, "EDUCATIONAL");
    pathway.complete(refused, "decideWhetherToAssess", Map.of("decision", "DO_NOT_ASSESS", "reason", "Needs met."));
    pathway.giveAllAdvice(onTime);
    pathway.complete(onTime, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    pathway.today("2034-02-20");
    assess(late, "EDUCATIONAL");
    pathway.giveAllAdvice(late);
    pathway.complete(late, "decideWhetherToIssue", Map.of("decision", "ISSUE", "reason", "Needs provision."));
    pathway.today("2034-03-01");
    draftAndAgree(onTime);
    draftAndAgree(late);
    pathway.today("2034-05-15");
    pathway.complete(onTime, "issueFinalPlan", Map.of());
    pathway.today("2034-06-05");
    pathway.complete(late, "issueFinalPlan", Map.of());

    pathway.today("2034-08-01");
    stuck = pathway.receiveRequest("2034-08-01", "2026-03-01").caseReference();
    pathway.today("2034-08-07");
    assess(stuck, "EDUCATIONAL,HEALTH");
    for (Task advice : pathway.tasks(stuck, "provideAdvice")) {
      if (taskService.getIdentityLinksForTask(advice.getId()).stream()
          .anyMatch(link -> "education-advisers".equals(link.getGroupId()))) {
        taskService.complete(advice.getId(), Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Reading age 6."));
      }
    }

    // 55 open cases received in 2033 with nothing done: RED, ahead of stuck, so that the at-risk list has pages.
    for (int i = 0; i < 55; i++) {
      LocalDate received = LocalDate.parse("2033-09-01").plusDays(i);
      jdbc.sql("""
              INSERT INTO ehc_case (case_reference, child_forename, child_surname, child_date_of_birth, child_sex,
                child_postcode, request_received_date, request_source, status, stage, decision_to_assess_due,
                no_plan_decision_due, final_plan_due, created_by, created_at)
              VALUES (?, 'Paged', 'List', DATE '2026-03-01', 'M', 'AB1 2CD', ?, 'PARENT', 'OPEN', 'requestReceived',
                ?, ?, ?, 'caseworker', CURRENT_TIMESTAMP)""")
          .params(PAGED + String.format("%04d", i), received, rules.decisionWhetherToAssess(received),
              rules.decisionNotToIssue(received), rules.finalPlan(received))
          .update();
    }

    profile = Chromium.newProfile();
    browser = Chromium.start(profile);
    browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
  }

  @BeforeEach
  void lookOnTheLastFridayOf2034() {
    pathway.today(TODAY);
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  @AfterAll
  void stopChromium() throws IOException {
    ClockUtil.reset();
    jdbc.sql("DELETE FROM ehc_case WHERE case_reference LIKE ?").param(PAGED + "%").update();
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  @Test
  void aManagerSignsInThroughTheFormAndSeesTheApiFiguresTheAtRiskListAndATimeline() throws Exception {
    browser.get(url("/dashboard?" + PERIOD));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    signIn("manager");
    assertThat(browser.getCurrentUrl()).contains("/dashboard?" + PERIOD);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Timeliness of EHC needs assessments and plans");
    assertThat(text("#period-from")).isEqualTo("1 Jan 2034");
    assertThat(text("#period-to")).isEqualTo("31 Dec 2034");

    JsonNode report = api("/api/reports/timeliness?" + PERIOD);
    assertTile("plans-20-weeks", report.at("/newPlans/percentWithin20Weeks"), report.at("/newPlans/within20Weeks"),
        report.at("/newPlans/issued"), "50.0%");
    assertTile("plans-20-weeks-excl", report.at("/newPlans/percentWithin20WeeksExcludingExceptions"),
        report.at("/newPlans/within20WeeksExcludingExceptions"), report.at("/newPlans/issuedExcludingExceptions"),
        "50.0%");
    assertTile("decisions-6-weeks", report.at("/decisionsToAssess/percentWithin6Weeks"),
        report.at("/decisionsToAssess/within6Weeks"), report.at("/decisionsToAssess/total"), "75.0%");
    assertTile("no-plan-16-weeks", report.at("/noPlanDecisions/percentWithin16Weeks"),
        report.at("/noPlanDecisions/within16Weeks"), report.at("/noPlanDecisions/total"), "No data");
    assertTile("reviews-4-weeks", report.at("/reviews/percentWithin4WeeksOfMeeting"),
        report.at("/reviews/decisionsWithin4WeeksOfMeeting"), report.at("/reviews/decisions"), "No data");
    assertThat(text("#tile-plans-20-weeks-excl .comparison-text")).isEqualTo("3.6 points above England (46.4% in 2024)");
    assertThat(text("#tile-decisions-6-weeks .comparison-text")).isEqualTo("9.8 points below England (84.8% in 2024)");
    assertThat(text("#tile-plans-20-weeks .comparison-text")).isEqualTo("No England figure to compare with");
    assertThat(text("#requests-received")).isEqualTo(report.at("/requestsReceived").asText()).isEqualTo("4");

    assertThat(report.get("advice").size()).isEqualTo(browser.findElements(By.cssSelector("#advice-table tr[data-type]")).size());
    report.get("advice").fields().forEachRemaining(advice -> {
      List<String> cells = cells("#advice-table tr[data-type='" + advice.getKey() + "'] td");
      JsonNode figures = advice.getValue();
      assertThat(cells).as(advice.getKey()).startsWith(figures.get("requested").asText(),
          figures.get("returned").asText(), figures.get("returnedWithin6Weeks").asText());
      assertThat(cells.get(4)).as(advice.getKey()).isEqualTo(figures.get("outstandingOverdue").asText());
    });
    // Overdue at the end of the period counts every open case's late advice, other tests' too: only the API knows it.
    assertThat(cells("#advice-table tr[data-type='HEALTH'] td")).startsWith("1", "0", "0", "No data");

    JsonNode months = api("/api/reports/timeliness/monthly?year=2034").get("months");
    List<WebElement> rows = browser.findElements(By.cssSelector("#trend-table tbody tr"));
    assertThat(rows).hasSize(12);
    for (int m = 0; m < 12; m++) {
      List<WebElement> cells = rows.get(m).findElements(By.tagName("td"));
      JsonNode month = months.get(m);
      assertThat(rows.get(m).findElement(By.tagName("th")).getText()).isEqualTo(
          LocalDate.of(2034, m + 1, 1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK)));
      assertThat(dataValues(cells)).as("month %d", m + 1).containsExactly(
          value(month.at("/newPlans/percentWithin20Weeks")),
          value(month.at("/newPlans/percentWithin20WeeksExcludingExceptions")),
          value(month.at("/decisionsToAssess/percentWithin6Weeks")),
          value(month.at("/reviews/percentWithin4WeeksOfMeeting")));
    }
    assertThat(rows.get(0).findElements(By.tagName("td")).get(2).getText()).isEqualTo("100.0% (2 of 2)");
    assertThat(rows.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("0.0% (0 of 1)");
    assertThat(rows.get(5).findElements(By.tagName("td")).get(0).getText()).isEqualTo("0.0% (0 of 1)");
    assertThat(chartData("trend-chart", 2)).isEqualTo(dataValuesOfColumn("#trend-table", 3));

    JsonNode firstPage = api("/api/reports/at-risk/page?page=0&size=50");
    long open = firstPage.get("openCases").asLong();
    assertThat(open).isGreaterThan(50 + 1);   // the 55 cases of 2033 and stuck at least
    assertThat(text("#count-red")).isEqualTo(String.format(Locale.UK, "%,d", firstPage.get("red").asLong()));
    assertThat(text("#count-amber")).isEqualTo(String.format(Locale.UK, "%,d", firstPage.get("amber").asLong()));
    assertThat(text("#count-green")).isEqualTo(String.format(Locale.UK, "%,d", firstPage.get("green").asLong()));
    assertThat(text("#count-open")).isEqualTo(String.format(Locale.UK, "%,d", open));
    assertThat(text("#at-risk-showing")).startsWith(String.format(Locale.UK,
        "Showing 1 to 50 of %,d open cases (page 1 of %,d).", open, firstPage.get("totalPages").asLong()));
    assertThat(browser.findElement(By.id("at-risk-csv")).getAttribute("href")).endsWith("/api/reports/at-risk.csv");
    assertThat(browser.findElements(By.id("at-risk-previous"))).isEmpty();
    // Every open case is on one page or another, worst first: walk the pages to the one with stuck on it.
    List<String> seen = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode apiPage = api("/api/reports/at-risk/page?page=" + page + "&size=50");
      List<String> listed = new ArrayList<>();
      apiPage.get("cases").forEach(c -> listed.add(c.get("caseReference").asText()));
      assertThat(browser.findElements(By.cssSelector("#at-risk-table tbody tr[data-case]")))
          .extracting(row -> row.getAttribute("data-case")).as("page %d", page).containsExactlyElementsOf(listed);
      seen.addAll(listed);
      if (listed.contains(stuck)) {
        break;
      }
      browser.findElement(By.id("at-risk-next")).click();
      assertThat(browser.getCurrentUrl()).contains(PERIOD).contains("page=" + (page + 1)).endsWith("#at-risk");
      assertThat(browser.findElement(By.id("at-risk-previous")).getAttribute("href")).contains("page=" + page);
    }
    assertThat(seen).contains(stuck).doesNotContain(onTime, late).doesNotHaveDuplicates();
    assertThat(cells("#at-risk-table tr[data-case='" + stuck + "'] td")).startsWith(
        "1 Aug 2034", "22", "Request advice", "Decision whether to issue a plan (16 weeks)", "21 Nov 2034", "RED",
        "Health, due 18 Sept 2034, 102 days late");
    screenshot("dashboard.png");   // the page with D on it

    browser.findElement(By.linkText(stuck)).click();
    assertThat(text("#case-reference")).isEqualTo(stuck);
    screenshot("dashboard-case.png");
    assertThat(text("#case-rag")).isEqualTo("RED");
    assertThat(timeline()).containsExactly(
        List.of("Decision whether to assess", "On time", "Done 36 days early"),
        List.of("Educational advice", "On time", "Done 42 days early"),
        List.of("Health advice", "Overdue", "Overdue by 102 days"),
        List.of("Draft plan served", "Overdue", "Overdue by 52 days"),   // week 14, before the 16-week limit
        List.of("Decision whether to issue a plan", "Overdue", "Overdue by 38 days"),
        List.of("Final plan issued", "Overdue", "Overdue by 10 days"));
    assertThat(chartData("timeline-chart", 0)).isEqualTo(dataValuesOfColumn("#timeline-table", 2));

    browser.get(url("/dashboard/cases/" + late));
    assertThat(timeline()).contains(
        List.of("Decision whether to assess", "Late", "Done 7 days late"),
        List.of("Final plan issued", "Late", "Done 14 days late"));
  }

  @Test
  void otherRolesAreTurnedAwayAndAnonymousCallersSentToTheLoginForm() throws Exception {
    browser.get(url("/login"));
    signIn("caseworker");
    browser.get(url("/dashboard"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page is for managers");

    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    assertThat(status(http, "/dashboard", "caseworker")).isEqualTo(403);
    assertThat(status(http, "/dashboard/cases/" + stuck, "panel")).isEqualTo(403);
    assertThat(status(http, "/dashboard", "manager")).isEqualTo(200);
    assertThat(status(http, "/dashboard?page=1", "manager")).isEqualTo(200);
    assertThat(status(http, "/dashboard?page=999999", "manager")).isEqualTo(200);   // past the last: says so
    assertThat(status(http, "/dashboard?page=-1", "manager")).isEqualTo(400);
    assertThat(status(http, "/dashboard?page=next", "manager")).isEqualTo(400);
    HttpResponse<Void> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard"))).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
  }

  private void assess(String ref, String adviceTypes) {
    pathway.complete(ref, "decideWhetherToAssess", Map.of("decision", "ASSESS", "adviceTypes", adviceTypes,
        "reason", "Evidence."));
  }

  private void draftAndAgree(String ref) {
    pathway.complete(ref, "draftPlan", Map.of());
    pathway.complete(ref, "recordRepresentations", Map.of("preferredSetting", "Oak Tree School"));
    pathway.complete(ref, "consultSetting", Map.of("settingResponse", "ACCEPTS"));
    pathway.complete(ref, "agreeProvision", Map.of("namedSetting", "Oak Tree School", "fundingBand", "BAND_2"));
  }

  private void signIn(String user) {
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    // the form posts and redirects: wait for the browser to leave the login page (or come back with ?error)
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(page -> !page.getCurrentUrl().endsWith("/login"));
  }

  private void assertTile(String id, JsonNode percent, JsonNode met, JsonNode total, String known) {
    String shown = text("#tile-" + id + " .value");
    assertThat(shown).as(id).isEqualTo(percent.isNull() ? "No data" : String.format(Locale.UK, "%.1f%%",
        percent.asDouble())).isEqualTo(known);
    assertThat(text("#tile-" + id + " .counts")).as(id).startsWith(met.asText() + " of " + total.asText() + " ");
  }

  /** Each step of the timeline table: its name, its result and the words after it. */
  private List<List<String>> timeline() {
    return browser.findElements(By.cssSelector("#timeline-table tbody tr")).stream()
        .map(row -> List.of(row.findElement(By.tagName("th")).getText(),
            row.findElement(By.cssSelector(".result")).getText(),
            row.findElement(By.cssSelector(".result-detail")).getText()))
        .toList();
  }

  /** The numbers Chart.js drew in one dataset, once the deferred scripts have run. */
  private List<String> chartData(String canvas, int dataset) {
    Object data = new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> ((JavascriptExecutor) page)
        .executeScript("var c = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
            + "return c ? c.data.datasets[arguments[1]].data.map(function (v) { return v === null ? '' : String(v); })"
            + " : null;", canvas, dataset));
    return ((List<?>) data).stream().map(String::valueOf).toList();
  }

  /** The data-value of one column (0 = the row header) of a table's body, as the chart script reads it. */
  private List<String> dataValuesOfColumn(String table, int column) {
    return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
        .map(row -> row.findElements(By.cssSelector("th, td")).get(column).getAttribute("data-value"))
        .map(v -> v == null || v.isEmpty() ? "" : String.valueOf(Double.valueOf(v)).replaceAll("\\.0$", ""))
        .toList();
  }

  private static List<String> dataValues(List<WebElement> cells) {
    return cells.stream().map(cell -> cell.getAttribute("data-value")).map(v -> v == null ? "" : v).toList();
  }

  private static String value(JsonNode percent) {
    return percent.isNull() ? "" : percent.asText();
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private List<String> cells(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private JsonNode api(String path) throws IOException {
    return json.readTree(rest.withBasicAuth("manager", "manager").getForObject(path, String.class));
  }

  private int status(HttpClient http, String path, String user) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + basic).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The whole page, as tall as it is. */
  private void screenshot(String name) throws IOException {
    Path folder = Path.of(System.getProperty("ehc.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    WebDriver.Window window = browser.manage().window();
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
    window.setSize(new Dimension(1400, (int) Math.min(height + 150, 6000)));
    Files.write(folder.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    window.setSize(new Dimension(1400, 1000));
  }
}
