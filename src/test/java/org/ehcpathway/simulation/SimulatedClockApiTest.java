package org.ehcpathway.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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

@PathwayIntegrationTest
class SimulatedClockApiTest {

  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void movesTheEngineClockForEveryone() {
    ResponseEntity<String> moved = put("manager", "{\"now\":\"2027-03-01T12:00:00Z\"}");
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody()).contains("\"today\":\"2027-03-01\"", "\"jobsExecuted\":");
    assertThat(ClockUtil.getCurrentTime().toInstant()).hasToString("2027-03-01T12:00:00Z");
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/simulation/clock", String.class).getBody())
        .contains("\"today\":\"2027-03-01\"");
  }

  @Test
  void refusesBadInstantsAndUsersWithoutTheRole() {
    assertThat(put("manager", "{\"now\":\"next tuesday\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("manager", "{}").getBody()).contains("now");
    assertThat(put("health", "{\"now\":\"2027-03-01T12:00:00Z\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.exchange("/api/simulation/clock", HttpMethod.PUT, json("{\"now\":\"2027-03-01T12:00:00Z\"}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> put(String user, String body) {
    return rest.withBasicAuth(user, user).exchange("/api/simulation/clock", HttpMethod.PUT, json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
