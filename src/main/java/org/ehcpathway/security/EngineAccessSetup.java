package org.ehcpathway.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, makes sure the product's groups exist with the engine permissions Tasklist needs, and that
 * everyone has the shared task filters. Tasks themselves need no grant: the engine gives a candidate group
 * read and work permission on each task as it is created, so advisers see only their own agency's tasks.
 */
@Component
@Order(1)
class EngineAccessSetup implements ApplicationRunner {

  static final String MY_TASKS = "My tasks";
  static final String MY_TEAMS_TASKS = "My team's tasks";
  static final String DUE_THIS_WEEK = "Due this week";
  static final String OVERDUE = "Overdue";

  private static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.CASEWORKERS, "SEN caseworkers",
      Groups.PANEL, "SEN panel",
      Groups.HEALTH_ADVISERS, "Health advisers",
      Groups.SOCIAL_CARE_ADVISERS, "Social care advisers",
      Groups.EDUCATIONAL_PSYCHOLOGISTS, "Educational psychologists",
      Groups.EDUCATION_ADVISERS, "Education advisers",
      Groups.MANAGERS, "SEND managers");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  EngineAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    GROUP_NAMES.forEach(this::ensureGroup);
    for (String group : Groups.TASK_WORKERS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    grant(Groups.MANAGERS, Resources.TASK, "*", Permissions.READ);
    grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
    // Cockpit, read-only: the grants above let managers look, not change (no UPDATE or DELETE anywhere).
    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    Filter mine = ensureFilter(MY_TASKS, -10, "Tasks assigned to me, soonest deadline first",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    Filter team = ensureFilter(MY_TEAMS_TASKS, -5, "Tasks for my team, claimed or not, soonest deadline first",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    // The engine clock's now (ClockUtil), so simulated time moves these filters too.
    Filter dueThisWeek = ensureFilter(DUE_THIS_WEEK, 0, "My team's tasks due in the next 7 days, soonest first",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(7).toDate()}").orderByDueDate().asc());
    Filter overdue = ensureFilter(OVERDUE, 5, "My team's tasks past their deadline, most overdue first",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
    for (String group : Groups.TASK_WORKERS) {
      for (Filter filter : List.of(mine, team, dueThisWeek, overdue)) {
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /** One authorization row per group and resource: a further permission is added to the existing row. */
  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (authorization.isPermissionGranted(permission)) {
      return;
    }
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private Filter ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "caseReference", "label", "Case"),
            Map.of("name", "adviceType", "label", "Advice"))));
    return filterService.saveFilter(filter);
  }
}
