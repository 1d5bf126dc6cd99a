package org.ehcpathway.advice;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.TestHttp;

/**
 * Every open advice task of a case, each submitted by its own adviser through Camunda's REST API with the form's
 * fields, as Tasklist does: one thread per adviser, released together by a barrier.
 */
final class AdvisersTogether {

  /** The demo adviser who answers each type of advice (password = user name). */
  static final Map<String, String> ADVISER = Map.of("EDUCATIONAL", "school", "HEALTH", "health",
      "PSYCHOLOGICAL", "ep", "SOCIAL_CARE", "socialcare");

  private static final String ADVICE_GIVEN = """
      {"variables":{"adviceOutcome":{"value":"ADVICE_GIVEN","type":"String"},
                    "summary":{"value":"Needs and provision described.","type":"String"}}}""";

  private final TestHttp http;
  private final TaskService taskService;

  AdvisersTogether(int port, TaskService taskService) {
    this.http = new TestHttp(port);
    this.taskService = taskService;
  }

  /** Submits every open advice task of the case at the same instant; the responses, one per task. */
  List<HttpResponse<String>> submitAll(String caseReference) throws Exception {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("provideAdvice").list();
    CyclicBarrier together = new CyclicBarrier(tasks.size());
    ExecutorService advisers = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<HttpResponse<String>>> submitted = new ArrayList<>();
      for (Task task : tasks) {
        String user = ADVISER.get(String.valueOf(taskService.getVariable(task.getId(), "adviceType")));
        submitted.add(advisers.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return http.json(user, "POST", "/engine-rest/task/" + task.getId() + "/submit-form", ADVICE_GIVEN);
        }));
      }
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> response : submitted) {
        responses.add(response.get(30, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      advisers.shutdownNow();
    }
  }
}
