package org.ehcpathway;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.ResponseEntity;

/** What every refused API request must look like: the status, a ProblemDetail naming the problem, no stack trace. */
public final class ProblemAnswers {

  private ProblemAnswers() {
  }

  public static void assertProblem(ResponseEntity<String> answer, int status, String detail) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(answer.getBody()).contains(detail).doesNotContain("Exception", "at org.");
  }
}
