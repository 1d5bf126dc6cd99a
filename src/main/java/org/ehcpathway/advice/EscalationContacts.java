package org.ehcpathway.advice;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each agency's escalation contact for late advice (`ehc.escalation.contacts.HEALTH.*` ...): the Designated
 * Clinical Officer for health, the social care team manager, the principal educational psychologist, the SEND
 * service manager for education.
 */
@ConfigurationProperties(prefix = "ehc.escalation")
public record EscalationContacts(Map<AdviceType, Contact> contacts) {

  public record Contact(String role, String name, String email) {
  }

  public EscalationContacts {
    contacts = contacts == null ? new EnumMap<>(AdviceType.class) : new EnumMap<>(contacts);
  }

  /** Empty when none is configured: the case history then says nobody could be told, rather than a job failing. */
  public Optional<Contact> forType(AdviceType type) {
    Contact contact = contacts.get(type);
    return contact == null || contact.email() == null || contact.email().isBlank()
        ? Optional.empty() : Optional.of(contact);
  }
}
