package org.ehcpathway.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every model must carry: history time to live, a form for each user task, and who may work it. */
class ModelsTest {

  static Stream<Path> models() throws Exception {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessKeepsHistoryForAFixedTimeAndEveryUserTaskHasAFormAndAGroup(Path model) throws Exception {
    BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
    Bpmn.validateModel(instance);
    for (Process process : instance.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      assertThat(process.getName()).as(process.getId()).isNotBlank();
    }
    List<UserTask> tasks = List.copyOf(instance.getModelElementsByType(UserTask.class));
    for (UserTask task : tasks) {
      assertThat(task.getName()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
      String formRef = task.getCamundaFormRef();
      assertThat(formRef).as(task.getId()).isNotBlank();
      File form = Path.of("forms", formRef + ".form").toFile();
      assertThat(form).as(task.getId()).exists();
      assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo(formRef);
    }
  }
}
