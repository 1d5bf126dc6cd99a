package org.ehcpathway.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ehcpathway.security.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One demo user per role, password = user name. Never in the prod profile. */
@Component
@Order(2)
@ConditionalOnProperty(name = "ehc.demo-data.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("caseworker", "Casey", "Worker", Groups.CASEWORKERS),
      new DemoUser("panel", "Pat", "Panel", Groups.PANEL),
      new DemoUser("health", "Hana", "Health", Groups.HEALTH_ADVISERS),
      new DemoUser("socialcare", "Sam", "Social", Groups.SOCIAL_CARE_ADVISERS),
      new DemoUser("ep", "Eddie", "Psychologist", Groups.EDUCATIONAL_PSYCHOLOGISTS),
      new DemoUser("school", "Sky", "School", Groups.EDUCATION_ADVISERS),
      new DemoUser("manager", "Morgan", "Manager", Groups.MANAGERS));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@ehc-pathway.example");
      user.setPassword(demo.id());
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
    }
  }
}
