package org.ehcpathway.advice;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionEscalationCheckTest {

  @Test
  void demoAddressesOrMissingContactsStopAProductionStart() {
    Map<AdviceType, EscalationContacts.Contact> demo = new EnumMap<>(AdviceType.class);
    demo.put(AdviceType.HEALTH, new EscalationContacts.Contact("Designated Clinical Officer", "x", "dco@icb.example"));
    assertThatThrownBy(() -> new ProductionEscalationCheck(new EscalationContacts(demo)).afterPropertiesSet())
        .hasMessageContaining("ehc.escalation.contacts.HEALTH.email")
        .hasMessageContaining("ehc.escalation.contacts.SOCIAL_CARE.email");
  }

  @Test
  void realContactsForEveryAgencyPass() {
    Map<AdviceType, EscalationContacts.Contact> real = new EnumMap<>(AdviceType.class);
    for (AdviceType type : AdviceType.values()) {
      real.put(type, new EscalationContacts.Contact("Role", "Name", "lead@county.gov.uk"));
    }
    assertThatCode(() -> new ProductionEscalationCheck(new EscalationContacts(real)).afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}
