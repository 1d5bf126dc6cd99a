package org.ehcpathway.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ehcpathway.review.CeaseReason;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The council's staff, its partners and the families, as the simulator plays them: for each task that appears,
 * the day it will be done, by whom and with what. Staff work on working days; the panel sits on its weekly day
 * ({@code ehc.panel.day-of-week}). The user is the demo user of the task's group.
 */
@Component
class SimulatedStaff {

  /** The demo user who works each group's tasks (see DemoUsers). */
  static final Map<String, String> USER_OF_GROUP = Map.of(
      Groups.CASEWORKERS, "caseworker", Groups.PANEL, "panel", Groups.HEALTH_ADVISERS, "health",
      Groups.SOCIAL_CARE_ADVISERS, "socialcare", Groups.EDUCATIONAL_PSYCHOLOGISTS, "ep",
      Groups.EDUCATION_ADVISERS, "school", Groups.MANAGERS, "manager");

  static final List<String> SCHOOLS = List.of("Oak Tree Academy", "Riverside Primary School", "Hill Top School",
      "Meadow View Special School", "St Anne's CE Primary", "Northfield High School", "Brook Lane College",
      "Willow Bank Nursery", "Castle Street Academy", "Greenway Special School");

  /** A task as the simulator sees it. {@code variables} holds those it reads, where set. */
  record SimTask(String id, String key, String caseReference, LocalDate created, String group,
      Map<String, Object> variables) {

    String text(String name) {
      Object value = variables.get(name);
      return value == null ? null : String.valueOf(value);
    }

    LocalDate date(String name) {
      String value = text(name);
      return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }
  }

  /** What will be done: on a day (null: never by a person; the engine ends the task), by whom, with what. */
  record Action(LocalDate on, String user, String group, Map<String, Object> variables) {
    static Action never() {
      return new Action(null, null, null, Map.of());
    }
  }

  /** The variables the simulator reads from a task. */
  static final List<String> VARIABLES = List.of("adviceType", "advicePurpose", "adviceDue", "reviewCycle",
      "meetingDate", "latestMeetingDate", "reviewDue", "preparingForAdulthood", "namedSetting", "recommendation",
      "draftServedDate", "amendmentRepresentationsDue");

  private final WorkingDays workingDays;
  private final DayOfWeek panelDay;

  SimulatedStaff(WorkingDays workingDays, @Value("${ehc.panel.day-of-week:THURSDAY}") DayOfWeek panelDay) {
    this.workingDays = workingDays;
    this.panelDay = panelDay;
  }

  Action plan(SimTask task, CaseScript script, HistorySettings settings, Dice dice) {
    LocalDate created = task.created();
    return switch (task.key()) {
      case "decideWhetherToAssess" -> decideWhetherToAssess(script, dice);
      case "provideAdvice" -> "REVIEW".equals(task.text("advicePurpose"))
          ? reviewAdvice(task, settings, dice) : assessmentAdvice(task, settings, dice);
      case "decideOnLateAdvice" -> act(task, workingDayOnOrAfter(created.plusDays(dice.between(0, 3))),
          Map.of("lateAdviceDecision", "WAIT", "reason", "The adviser has given a date; the case waits for it."));
      case "decideWhetherToIssue" -> decideWhetherToIssue(task, script, dice);
      case "draftPlan" -> draftPlan(task, script, dice);
      case "recordRepresentations" -> recordRepresentations(task, settings, dice);
      case "consultSetting" -> consultSetting(task, script, dice);
      case "agreeProvision" -> agreeProvision(task, script, dice);
      case "issueFinalPlan" -> act(task, workingDayOnOrAfter(latest(created, script.finalPlanTarget(),
          task.date("draftServedDate") == null ? created : task.date("draftServedDate").plusDays(15))), Map.of());
      case "scheduleReviewMeeting" -> scheduleReviewMeeting(task, settings.reviews(), dice);
      case "submitReviewReport" -> submitReviewReport(task, settings.reviews(), dice);
      case "decideReviewOutcome" -> decideReviewOutcome(task, settings.reviews(), dice);
      case "sendProposedAmendments" -> act(task, workingDayOnOrAfter(created.plusDays(dice.between(0, 3))),
          Map.of("amendmentsSent", true));
      case "recordAmendmentRepresentations" -> familyViews(task, settings.familyViewsRate(), dice, false);
      case "issueAmendedPlan" -> issueAmendedPlan(task, settings.reviews(), dice);
      case "tellFamilyAboutTransfer" -> act(task, workingDayOnOrAfter(created.plusDays(dice.between(1, 20))),
          Map.of());
      default -> Action.never();
    };
  }

  /** Whether the simulator knows how to work a task; the others are counted and left alone. */
  static boolean knows(String taskKey) {
    return List.of("decideWhetherToAssess", "provideAdvice", "decideOnLateAdvice", "decideWhetherToIssue",
        "draftPlan", "recordRepresentations", "consultSetting", "agreeProvision", "issueFinalPlan",
        "scheduleReviewMeeting", "submitReviewReport", "decideReviewOutcome", "sendProposedAmendments",
        "recordAmendmentRepresentations", "issueAmendedPlan", "tellFamilyAboutTransfer").contains(taskKey);
  }

  private Action decideWhetherToAssess(CaseScript script, Dice dice) {
    LocalDate received = script.received();
    LocalDate day = script.assessWithin6Weeks()
        ? panelBetween(received.plusDays(7), received.plusDays(42), dice)
        : panelOnOrAfter(received.plusDays(43 + dice.exponential(14)));
    Map<String, Object> values = script.assess()
        ? Map.of("decision", "ASSESS", "reason", "Evidence that the child may have special educational needs"
            + " that SEN support has not met.")
        : Map.of("decision", "DO_NOT_ASSESS", "reason", "The school's SEN support, with the changes recommended,"
            + " can meet the child's needs.");
    return new Action(day, "panel", Groups.PANEL, values);
  }

  private Action assessmentAdvice(SimTask task, HistorySettings settings, Dice dice) {
    HistorySettings.AgencyAdvice agency = settings.adviceFor(task.text("adviceType"));
    LocalDate requested = task.created();
    LocalDate day = dice.chance(agency.onTimeRate())
        ? workingDayOnOrBefore(requested.plusDays(dice.between(10, 42)), requested)
        : workingDayOnOrAfter(requested.plusDays(42 + dice.exponential(agency.meanDaysLate())));
    double outcome = dice.unit();
    Map<String, Object> values = outcome < 0.92
        ? Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Needs described, with the outcomes sought and the"
            + " provision recommended.")
        : outcome < 0.97 ? Map.of("adviceOutcome", "NO_NEEDS_IDENTIFIED", "summary", "No needs in this area.")
        : Map.of("adviceOutcome", "EXISTING_ADVICE_SUFFICIENT", "summary", "Advice given last term still applies.");
    return act(task, day, values);
  }

  /** Review advice is due 2 weeks before the meeting; what has not come by the meeting is closed by the engine. */
  private Action reviewAdvice(SimTask task, HistorySettings settings, Dice dice) {
    LocalDate requested = task.created();
    LocalDate due = task.date("adviceDue") == null ? requested.plusDays(14) : task.date("adviceDue");
    double draw = dice.unit();
    double onTime = settings.reviews().adviceBeforeDue();
    LocalDate day;
    if (draw < onTime) {
      day = workingDayOnOrBefore(requested.plusDays(dice.between(1, Math.max(1, (int) (due.toEpochDay()
          - requested.toEpochDay())))), requested);
    } else if (draw < onTime + (1 - onTime) / 2) {
      day = workingDayOnOrAfter(due.plusDays(dice.between(1, 10)));   // late, but before the meeting
    } else {
      return Action.never();
    }
    return act(task, day, Map.of("adviceOutcome", "ADVICE_GIVEN", "summary", "Progress and needs for the review."));
  }

  private Action decideWhetherToIssue(SimTask task, CaseScript script, Dice dice) {
    LocalDate ready = task.created();
    if (!script.issue()) {
      LocalDate aim = script.noPlanDecisionDay();
      LocalDate day = panelOnOrAfter(ready.isAfter(aim.minusDays(6)) ? ready : aim.minusDays(6));
      return new Action(day, "panel", Groups.PANEL, Map.of("decision", "DO_NOT_ISSUE", "reason",
          "The assessment shows the needs can be met from the school's own resources."));
    }
    LocalDate day = panelOnOrAfter(ready);
    if (script.planOnTime() && day.isAfter(script.finalPlanTarget().minusDays(22))) {
      day = workingDayOnOrAfter(ready);   // decided outside the weekly sitting to keep the 20 weeks
    }
    return new Action(day, "panel", Groups.PANEL, Map.of("decision", "ISSUE",
        "reason", "The assessment shows provision beyond SEN support is needed."));
  }

  /** The draft goes out early enough for the family's 15 days before the target, or as soon as it can. */
  private Action draftPlan(SimTask task, CaseScript script, Dice dice) {
    LocalDate soonest = task.created().plusDays(dice.between(1, 5));
    LocalDate forTarget = script.finalPlanTarget().minusDays(15 + dice.between(4, 9));
    return act(task, workingDayOnOrBefore(latest(soonest, forTarget), task.created().plusDays(1)),
        Map.of("draftSent", true));
  }

  private Action recordRepresentations(SimTask task, HistorySettings settings, Dice dice) {
    return familyViews(task, settings.familyViewsRate(), dice, true);
  }

  /** The family sends views within the 15 days, or lets the window close (the engine's timer moves on). */
  private Action familyViews(SimTask task, double rate, Dice dice, boolean assessment) {
    if (!dice.chance(rate)) {
      return Action.never();
    }
    LocalDate day = workingDayOnOrBefore(task.created().plusDays(dice.between(3, 12)), task.created());
    Map<String, Object> values = new HashMap<>();
    if (dice.chance(0.8)) {
      values.put("preferredSetting", dice.pick(SCHOOLS));
    }
    values.put("meetingRequested", dice.chance(0.1));
    if (assessment) {
      values.put("personalBudgetRequested", dice.chance(0.1));
    }
    return act(task, day, values);
  }

  private Action consultSetting(SimTask task, CaseScript script, Dice dice) {
    LocalDate day = workingDayOnOrAfter(task.created().plusDays(dice.between(3, 12)));
    if (script.planOnTime() && day.isAfter(script.finalPlanTarget().minusDays(2))) {
      day = workingDayOnOrBefore(script.finalPlanTarget().minusDays(2), task.created());
    }
    double reply = dice.unit();
    return act(task, day, Map.of("settingResponse", reply < 0.75 ? "ACCEPTS" : reply < 0.9 ? "DECLINES"
        : "NO_RESPONSE"));
  }

  private Action agreeProvision(SimTask task, CaseScript script, Dice dice) {
    LocalDate day = panelOnOrAfter(task.created());
    if (!day.isBefore(script.finalPlanTarget())) {
      day = latest(task.created(), workingDayOnOrBefore(script.finalPlanTarget().minusDays(1), task.created()));
    }
    String setting = task.text("namedSetting");
    return new Action(day, "panel", Groups.PANEL, Map.of("namedSetting",
        setting == null || setting.isBlank() ? dice.pick(SCHOOLS) : setting,
        "fundingBand", "BAND_" + dice.between(1, 5)));
  }

  private Action scheduleReviewMeeting(SimTask task, HistorySettings.Reviews reviews, Dice dice) {
    LocalDate latestMeeting = task.date("latestMeetingDate") != null ? task.date("latestMeetingDate")
        : task.created().plusMonths(11);
    LocalDate meeting = dice.chance(reviews.meetingsInTime())
        ? workingDayOnOrBefore(latestMeeting.minusDays(dice.between(0, 21)), task.created())
        : workingDayOnOrAfter(latestMeeting.plusDays(dice.between(1, 42)));
    int lead = dice.between(reviews.meetingLeadDaysMin(), Math.max(reviews.meetingLeadDaysMin(),
        reviews.meetingLeadDaysMax()));
    LocalDate day = workingDayOnOrBefore(meeting.minusDays(lead), task.created());
    if (day.isBefore(task.created()) || meeting.isBefore(day.plusDays(14))) {
      day = workingDayOnOrAfter(task.created().plusDays(dice.between(0, 5)));
      meeting = workingDayOnOrAfter(day.plusDays(lead));
    }
    return act(task, day, Map.of("meetingDate", meeting.toString()));
  }

  private Action submitReviewReport(SimTask task, HistorySettings.Reviews reviews, Dice dice) {
    LocalDate meeting = task.date("meetingDate");
    LocalDate day = dice.chance(reviews.reportsWithin2Weeks())
        ? workingDayOnOrBefore(meeting.plusDays(dice.between(1, 14)), meeting.plusDays(1))
        : workingDayOnOrAfter(meeting.plusDays(14 + dice.exponential(10)));
    double draw = dice.unit();
    String recommendation = draw < reviews.ceaseRate() ? "CEASE"
        : draw < reviews.ceaseRate() + reviews.amendRate() ? "AMEND" : "MAINTAIN";
    Map<String, Object> values = new HashMap<>(Map.of("recommendation", recommendation,
        "summary", "Progress towards the outcomes in section E reviewed with the family and the school."));
    if (Boolean.TRUE.equals(task.variables().get("preparingForAdulthood"))) {
      values.put("adulthoodOutcomes", "Work experience and travel training planned for next year.");
    }
    return act(task, latest(day, task.created()), values);
  }

  private Action decideReviewOutcome(SimTask task, HistorySettings.Reviews reviews, Dice dice) {
    LocalDate meeting = task.date("meetingDate");
    LocalDate deadline = meeting.plusDays(28);
    LocalDate day;
    if (dice.chance(reviews.decisionsWithin4Weeks()) && !task.created().isAfter(deadline)) {
      LocalDate from = latest(task.created(), meeting.plusDays(1));
      day = workingDayOnOrBefore(from.plusDays(dice.between(0, (int) (deadline.toEpochDay() - from.toEpochDay()))),
          from);
    } else {
      day = workingDayOnOrAfter(latest(task.created(), deadline.plusDays(dice.exponential(21))));
    }
    String outcome = task.text("recommendation") == null ? "MAINTAIN" : task.text("recommendation");
    Map<String, Object> values = new HashMap<>(Map.of("reviewOutcome", outcome,
        "reason", "The review found the plan " + switch (outcome) {
          case "CEASE" -> "is no longer needed.";
          case "AMEND" -> "needs changes to sections F and I.";
          default -> "still meets the child's needs.";
        }));
    if ("CEASE".equals(outcome)) {
      List<CeaseReason> reasons = Arrays.stream(CeaseReason.values()).filter(CeaseReason::decidedAtReview).toList();
      values.put("ceaseReason", reasons.get(dice.between(0, reasons.size() - 1)).code());
    }
    return act(task, day, values);
  }

  private Action issueAmendedPlan(SimTask task, HistorySettings.Reviews reviews, Dice dice) {
    LocalDate lastDay = task.date("amendmentRepresentationsDue");
    LocalDate sent = lastDay == null ? task.created() : lastDay.minusDays(14);
    LocalDate day = dice.chance(reviews.amendedPlansWithin8Weeks())
        ? workingDayOnOrBefore(sent.plusDays(dice.between(15, 56)), sent.plusDays(15))
        : workingDayOnOrAfter(sent.plusDays(56 + dice.exponential(21)));
    Map<String, Object> values = dice.chance(0.1)
        ? Map.of("amendmentDecision", "DO_NOT_AMEND", "notAmendingReason",
            "The family's views showed the current provision is working.")
        : Map.of("amendmentDecision", "ISSUE_AMENDED_PLAN");
    return act(task, latest(day, task.created(), sent.plusDays(15)), values);
  }

  private Action act(SimTask task, LocalDate day, Map<String, Object> values) {
    String group = task.group() == null ? Groups.CASEWORKERS : task.group();
    return new Action(day, USER_OF_GROUP.getOrDefault(group, "caseworker"), group, values);
  }

  // Days on which people work

  LocalDate workingDayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    while (!workingDays.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The working day on or before the date, but not before {@code notBefore} (then the first on or after it). */
  LocalDate workingDayOnOrBefore(LocalDate date, LocalDate notBefore) {
    LocalDate day = date;
    while (!workingDays.isWorkingDay(day) && day.isAfter(notBefore)) {
      day = day.minusDays(1);
    }
    return day.isBefore(notBefore) || !workingDays.isWorkingDay(day) ? workingDayOnOrAfter(notBefore) : day;
  }

  LocalDate panelOnOrAfter(LocalDate date) {
    return date.plusDays((panelDay.getValue() - date.getDayOfWeek().getValue() + 7) % 7);
  }

  /** A panel sitting drawn evenly from those between the dates (the first after {@code from} if none). */
  LocalDate panelBetween(LocalDate from, LocalDate to, Dice dice) {
    LocalDate first = panelOnOrAfter(from);
    int sittings = first.isAfter(to) ? 1 : (int) ((to.toEpochDay() - first.toEpochDay()) / 7) + 1;
    return first.plusWeeks(dice.between(0, sittings - 1));
  }

  private static LocalDate latest(LocalDate first, LocalDate... others) {
    LocalDate latest = first;
    for (LocalDate other : others) {
      if (other != null && other.isAfter(latest)) {
        latest = other;
      }
    }
    return latest;
  }
}
