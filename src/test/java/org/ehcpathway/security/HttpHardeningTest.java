package org.ehcpathway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Browser sessions carry CSRF protection, answers carry security headers, and repeated bad logins are slowed. */
@PathwayIntegrationTest
class HttpHardeningTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aBrowserSessionNeedsItsCsrfTokenAndItsCookieIsHttpOnlyAndSameSite() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=caseworker&password=caseworker&_csrf="
            + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Strict"));

    String body = """
        {"child":{"forename":"Csrf","surname":"Check","dateOfBirth":"2019-01-01","sex":"F","postcode":"AB1 2CD"},
         "requestReceivedDate":"2026-11-02","requestSource":"PARENT"}""";
    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);

    String token = csrf(browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
    HttpResponse<String> genuine = browser.send(HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(201);
  }

  @Test
  void apiAndTasklistAnswersCarrySecurityHeaders() {
    ResponseEntity<String> api = rest.withBasicAuth("manager", "manager").getForEntity("/api/cases", String.class);
    assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.getHeaders().getCacheControl()).contains("no-store");
    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aFailedLoginSlowsTheNextOneDownByTheEngineClock() {
    User user = identityService.newUser("throttletest");
    user.setPassword("right-password");
    identityService.saveUser(user);
    identityService.createMembership("throttletest", "caseworkers");
    ClockUtil.setCurrentTime(new Date());
    Date start = ClockUtil.getCurrentTime();

    assertThat(status("throttletest", "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    // within the 3 seconds that follow, even the right password is refused
    assertThat(status("throttletest", "right-password")).isEqualTo(HttpStatus.UNAUTHORIZED);
    ClockUtil.setCurrentTime(new Date(start.getTime() + 5_000));
    assertThat(status("throttletest", "right-password")).isEqualTo(HttpStatus.OK);
  }

  private HttpStatus status(String user, String password) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, password).getForEntity("/api/cases?size=1", String.class)
        .getStatusCode().value());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String csrf(String page) {
    Matcher matcher = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("a CSRF token on the login page: %s", page.substring(0, Math.min(600, page.length()))).isTrue();
    return matcher.group(1);
  }
}
