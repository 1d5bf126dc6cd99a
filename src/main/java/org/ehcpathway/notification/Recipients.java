package org.ehcpathway.notification;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who receives a notification: users and group members from the identity service, with their email. */
@Component
public class Recipients {

  /** A person to tell; {@code label} says who they are for people reading the outbox or the case history. */
  public record Recipient(String email, String label) {
  }

  private final IdentityService identityService;

  public Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Every member of the group who has an email address. */
  public List<Recipient> group(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .filter(user -> hasEmail(user))
        .map(user -> new Recipient(user.getEmail(), groupId + ": " + user.getId()))
        .toList();
  }

  public Optional<Recipient> user(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || !hasEmail(user) ? Optional.empty()
        : Optional.of(new Recipient(user.getEmail(), "user: " + user.getId()));
  }

  /** The case's caseworker (the user who logged it) and every manager: who is told when a deadline is at risk. */
  public List<Recipient> caseworkerAndManagers(String caseworker) {
    List<Recipient> told = new java.util.ArrayList<>();
    user(caseworker).ifPresent(told::add);
    told.addAll(group(org.ehcpathway.security.Groups.MANAGERS));
    return told;
  }

  /** "health-advisers: health <health@...>, ..." or a plain statement that nobody could be told. */
  public static String describe(List<Recipient> recipients, String who) {
    if (recipients.isEmpty()) {
      return "nobody in " + who + " has an email address";
    }
    return String.join(", ", recipients.stream().map(r -> r.label() + " <" + r.email() + ">").toList());
  }

  private static boolean hasEmail(User user) {
    return user.getEmail() != null && !user.getEmail().isBlank();
  }
}
