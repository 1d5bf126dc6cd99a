package org.ehcpathway.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist's own route for completing a task: a webapp session (login, CSRF token) posting to
 * /camunda/api/engine/.../submit-form. Input the user got wrong comes back as 400 with our message only.
 */
@PathwayIntegrationTest
class TasklistSubmitTest {

  @Autowired TestRestTemplate rest;
  @Autowired PathwayDriver driver;
  private final Map<String, String> cookies = new HashMap<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPanelMemberWhoForgetsTheAdviceIsToldWhatToCorrect() {
    driver.today("2026-01-05");
    String ref = driver.receiveRequest("2026-01-05", "2016-05-01").caseReference();
    String taskId = driver.task(ref, "decideWhetherToAssess").getId();
    signInToTasklist("panel");

    String path = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";
    ResponseEntity<String> refused = send(HttpMethod.POST, path, """
        {"variables":{"decision":{"value":"ASSESS","type":"String"},"reason":{"value":"Evidence.","type":"String"},
                      "adviceTypes":{"value":"[]","type":"Json"}}}""");
    assertThat(refused.getStatusCode()).as(refused.getBody() + cookies).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("\"message\":\"adviceTypes: choose at least one type of advice to seek\"")
        .doesNotContain("ENGINE-", "org.ehcpathway");

    ResponseEntity<String> unknown = send(HttpMethod.POST, path, """
        {"variables":{"decision":{"value":"ASSESS","type":"String"},"reason":{"value":"Evidence.","type":"String"},
                      "adviceTypes":{"value":"[\\"DENTAL\\"]","type":"Json"}}}""");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("unknown advice type 'DENTAL'; expected EDUCATIONAL, HEALTH");

    ResponseEntity<String> accepted = send(HttpMethod.POST, path, """
        {"variables":{"decision":{"value":"ASSESS","type":"String"},"reason":{"value":"Evidence.","type":"String"},
                      "adviceTypes":{"value":"[\\"HEALTH\\"]","type":"Json"}}}""");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.tasks(ref, "provideAdvice")).hasSize(1);
  }

  private void signInToTasklist(String user) {
    send(HttpMethod.GET, "/camunda/app/tasklist/default/", null);
    HttpHeaders headers = headers(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + user, headers), String.class);
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    remember(login);
    send(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null);   // the new session's CSRF token
  }

  private ResponseEntity<String> send(HttpMethod method, String path, String body) {
    ResponseEntity<String> response = rest.exchange(path, method,
        new HttpEntity<>(body, headers(MediaType.APPLICATION_JSON)), String.class);
    remember(response);
    return response;
  }

  private HttpHeaders headers(MediaType contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(contentType);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (!cookies.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return headers;
  }

  private void remember(ResponseEntity<String> response) {
    List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (setCookies != null) {
      for (String cookie : setCookies) {
        String pair = cookie.split(";", 2)[0];
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null) {
      cookies.put("XSRF-TOKEN", token);
    }
  }
}
