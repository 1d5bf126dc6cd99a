package org.ehcpathway.advice;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production every agency must have a real escalation contact: the demo addresses (…@….example) would send
 * escalations about children nowhere. Start-up fails with the setting to change.
 */
@Component
@Profile("prod")
class ProductionEscalationCheck implements InitializingBean {

  private final EscalationContacts contacts;

  ProductionEscalationCheck(EscalationContacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> missing = Arrays.stream(AdviceType.values())
        .filter(type -> contacts.forType(type).map(c -> c.email().endsWith(".example")).orElse(true))
        .map(type -> "ehc.escalation.contacts." + type + ".email (env EHC_ESCALATION_" + type + "_EMAIL)")
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Set a real escalation contact for: " + String.join(", ", missing));
    }
  }
}
