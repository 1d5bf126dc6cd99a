package org.ehcpathway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;

/** An unexpected error: a 500 that promises nothing changed, and a log line that says why but quotes nothing. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorTest {

  @Test
  void theLogNamesTheCausesAndTheSqlStateButNoValue(CapturedOutput output) {
    SQLException duplicate = new SQLException("Key (child_surname)=(Smith) already exists", "23505");
    RuntimeException error = new IllegalStateException("insert of Jane Smith failed",
        new RuntimeException("Jane Smith", duplicate));

    ProblemDetail problem = new ApiExceptionHandler().unexpected(error);

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).contains("nothing was changed");
    assertThat(output.getOut()).contains("Unexpected error in the API: java.lang.IllegalStateException at ")
        .contains("caused by java.lang.RuntimeException <- java.sql.SQLException (SQLState 23505)")
        .doesNotContain("Smith").doesNotContain("Jane");
  }

  @Test
  void anErrorWithoutCausesSaysSo() {
    assertThat(ApiExceptionHandler.causes(new IllegalStateException("x"))).isEmpty();
  }
}
