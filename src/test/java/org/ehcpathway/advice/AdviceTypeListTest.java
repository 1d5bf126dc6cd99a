package org.ehcpathway.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.Spin.JSON;

import java.util.List;
import org.ehcpathway.workflow.InvalidInputException;
import org.junit.jupiter.api.Test;

class AdviceTypeListTest {

  @Test
  void acceptsACommaSeparatedString() {
    assertThat(AdviceTypeList.parse(" HEALTH, SOCIAL_CARE ,HEALTH"))
        .containsExactly(AdviceType.HEALTH, AdviceType.SOCIAL_CARE);
  }

  @Test
  void acceptsAJsonArrayAsTextAsSpinJsonAndAsAList() {
    assertThat(AdviceTypeList.parse("[\"EDUCATIONAL\",\"PSYCHOLOGICAL\"]"))
        .containsExactly(AdviceType.EDUCATIONAL, AdviceType.PSYCHOLOGICAL);
    assertThat(AdviceTypeList.parse(JSON("[\"OTHER\"]"))).containsExactly(AdviceType.OTHER);
    assertThat(AdviceTypeList.parse(List.of("PREPARING_FOR_ADULTHOOD"))).containsExactly(
        AdviceType.PREPARING_FOR_ADULTHOOD);
  }

  @Test
  void rejectsUnknownTypesNamingTheVariableAndTheAllowedValues() {
    assertThatThrownBy(() -> AdviceTypeList.parse("HEALTH,DENTAL"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("adviceTypes")
        .hasMessageContaining("DENTAL")
        .hasMessageContaining("SOCIAL_CARE");
  }

  @Test
  void rejectsAnEmptyChoiceAndMalformedJson() {
    assertThatThrownBy(() -> AdviceTypeList.parse("  ")).hasMessageContaining("at least one");
    assertThatThrownBy(() -> AdviceTypeList.parse(null)).hasMessageContaining("at least one");
    assertThatThrownBy(() -> AdviceTypeList.parse("[\"HEALTH\"")).hasMessageContaining("JSON array");
  }

  @Test
  void everyTypeIsAnsweredByTheGroupTheIssueNames() {
    assertThat(AdviceType.EDUCATIONAL.answeringGroup()).isEqualTo("education-advisers");
    assertThat(AdviceType.HEALTH.answeringGroup()).isEqualTo("health-advisers");
    assertThat(AdviceType.PSYCHOLOGICAL.answeringGroup()).isEqualTo("educational-psychologists");
    assertThat(AdviceType.SOCIAL_CARE.answeringGroup()).isEqualTo("social-care-advisers");
    assertThat(AdviceType.PREPARING_FOR_ADULTHOOD.answeringGroup()).isEqualTo("education-advisers");
    assertThat(AdviceType.OTHER.answeringGroup()).isEqualTo("caseworkers");
  }
}
