package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.ehcpathway.reporting.Sen2Return.ActivePlan;
import org.ehcpathway.reporting.Sen2Return.Assessment;
import org.ehcpathway.reporting.Sen2Return.NamedPlan;
import org.ehcpathway.reporting.Sen2Return.Person;
import org.ehcpathway.reporting.Sen2Return.Request;
import org.ehcpathway.reporting.Sen2Return.Setting;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.Sen2CollectionPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The SEN2 person-level return of a collection year, worked out from the read model as it stood on the census date:
 * anything dated after it has not happened yet. docs/sen2.md says which case is in it and where each code comes from.
 */
@Service
public class Sen2Export {

  static final String SOFTWARE_CODE = "EHC Pathway";
  /** SEN2 has no "not known" setting type: the plan's named setting goes in SENSettingOther under OTH. */
  static final String SETTING_OTHER = "OTH";
  static final String ETHNICITY_NOT_OBTAINED = "NOBT";
  private static final String UPN = "[A-Za-z]\\d{12}|[A-Za-z]\\d{11}[A-Za-z]";
  private static final Logger LOG = LoggerFactory.getLogger(Sen2Export.class);

  private final Sen2Records records;
  private final Sen2Properties properties;
  private final EngineClock clock;

  public Sen2Export(Sen2Records records, Sen2Properties properties, EngineClock clock) {
    this.records = records;
    this.properties = properties;
    this.clock = clock;
  }

  /** The return of collection year {@code year}; its persons list is empty when no case falls in it. */
  public Sen2Return build(int year) {
    Sen2CollectionPeriod period = Sen2CollectionPeriod.of(year);
    Map<String, List<Sen2Case.Review>> reviews = records.reviews(period);
    Map<List<Object>, List<Sen2Case>> byPerson = new LinkedHashMap<>();
    Map<String, Request> requests = new LinkedHashMap<>();
    List<String> plansWithoutNeed = new ArrayList<>();
    for (Sen2Case c : records.cases(period)) {
      Request request = request(c, period, reviews.getOrDefault(c.caseReference(), List.of()), plansWithoutNeed);
      if (request != null) {
        requests.put(c.caseReference(), request);
        byPerson.computeIfAbsent(personKey(c), k -> new ArrayList<>()).add(c);
      }
    }
    if (!plansWithoutNeed.isEmpty()) {
      LOG.warn("SEN2 {}: {} plan(s) left out of ActivePlans for want of a primary need: {}", year,
          plansWithoutNeed.size(), plansWithoutNeed);
    }
    List<Person> persons = byPerson.values().stream()
        .map(cases -> person(cases, cases.stream().map(c -> requests.get(c.caseReference())).toList()))
        .sorted(Comparator.comparing(Person::surname, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Person::forename, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::birthDate))
        .toList();
    return new Sen2Return(header(period), persons);
  }

  private Sen2Return.Header header(Sen2CollectionPeriod period) {
    return new Sen2Return.Header(period.year(), period.referenceDate(), properties.laCode(), SOFTWARE_CODE,
        Sen2Export.class.getPackage().getImplementationVersion(), properties.serialNo(),
        LocalDateTime.ofInstant(clock.now(), EngineClock.LONDON).truncatedTo(ChronoUnit.SECONDS), properties.dmo(),
        properties.dco());
  }

  /** The same child: same names and date of birth (one case per request, so a child can have several). */
  private static List<Object> personKey(Sen2Case c) {
    return List.of(c.surname().trim().toLowerCase(Locale.UK), c.forename().trim().toLowerCase(Locale.UK),
        c.dateOfBirth());
  }

  /** The child's details from their latest request. */
  private static Person person(List<Sen2Case> cases, List<Request> requests) {
    Sen2Case latest = cases.get(cases.size() - 1);
    String upn = cases.stream().map(Sen2Case::upn).filter(Objects::nonNull).filter(u -> u.matches(UPN))
        .reduce((first, second) -> second).orElse(null);
    return new Person(latest.surname(), latest.forename(), latest.dateOfBirth(), latest.sex(),
        latest.ethnicity() == null ? ETHNICITY_NOT_OBTAINED : latest.ethnicity(), latest.postcode(), upn, requests);
  }

  /** The case as a request of the return, or null when it is not in the return. */
  private static Request request(Sen2Case c, Sen2CollectionPeriod p, List<Sen2Case.Review> reviews,
      List<String> plansWithoutNeed) {
    LocalDate planIssued = p.asAtReference(c.planIssued());
    LocalDate ceased = p.asAtReference(c.planCeased());
    if (c.planFromElsewhere()) {
      LocalDate ours = p.asAtReference(c.transferDate() != null ? c.transferDate() : c.planIssued());
      if (ours == null || (ceased != null && ceased.isBefore(p.start()))) {
        return null;
      }
      Assessment historical = new Assessment("H", null, null, namedPlan(c, planIssued, ceased));
      return new Request(c.caseReference(), null, null, null, "H", historical,
          activePlan(c, p, ours, ceased, reviews, plansWithoutNeed));
    }
    LocalDate decidedWhetherToAssess = p.asAtReference(c.decisionWhetherToAssess());
    LocalDate notAssessed = p.asAtReference(c.notAssessed());
    LocalDate decidedWhetherToIssue = p.asAtReference(c.decisionWhetherToIssue());
    LocalDate notIssued = p.asAtReference(c.notIssued());
    LocalDate withdrawn = p.asAtReference(c.withdrawn());
    LocalDate ended = Stream.of(ceased, notAssessed, notIssued, withdrawn).filter(Objects::nonNull).findFirst()
        .orElse(null);
    if (ended != null && ended.isBefore(p.start())) {
      return null;
    }
    boolean historical = decidedWhetherToIssue != null && notIssued == null
        && decidedWhetherToIssue.isBefore(p.start());
    String requestOutcome;
    LocalDate requestOutcomeDate;
    if (historical) {
      requestOutcome = "H";
      requestOutcomeDate = decidedWhetherToAssess;
    } else if (notAssessed != null) {
      requestOutcome = "N";
      requestOutcomeDate = notAssessed;
    } else if (decidedWhetherToAssess != null) {
      requestOutcome = "Y";
      requestOutcomeDate = decidedWhetherToAssess;
    } else if (withdrawn != null) {
      requestOutcome = "W";
      requestOutcomeDate = withdrawn;
    } else {
      requestOutcome = "A";
      requestOutcomeDate = null;
    }
    Assessment assessment = null;
    if (historical) {
      assessment = new Assessment("H", decidedWhetherToIssue, null, namedPlan(c, planIssued, ceased));
    } else if ("Y".equals(requestOutcome)) {
      if (notIssued != null) {
        assessment = new Assessment("N", notIssued, null, null);
      } else if (decidedWhetherToIssue != null) {
        assessment = new Assessment("Y", decidedWhetherToIssue, c.week20ExceptionApplies(),
            namedPlan(c, planIssued, ceased));
      } else if (withdrawn != null) {
        assessment = new Assessment("W", withdrawn, null, null);
      } else {
        assessment = new Assessment("A", null, null, null);
      }
    }
    ActivePlan active = planIssued == null ? null : activePlan(c, p, planIssued, ceased, reviews, plansWithoutNeed);
    return new Request(c.caseReference(), c.received(), "YOUNG_PERSON".equals(c.requestSource()), requestOutcomeDate,
        requestOutcome, assessment, active);
  }

  private static NamedPlan namedPlan(Sen2Case c, LocalDate planIssued, LocalDate ceased) {
    if (planIssued == null) {
      return null;
    }
    return new NamedPlan(planIssued, setting(c), ceased, ceased == null ? null : c.ceaseReason());
  }

  private static Setting setting(Sen2Case c) {
    return new Setting(SETTING_OTHER, c.namedSetting() == null || c.namedSetting().isBlank() ? null
        : c.namedSetting().trim());
  }

  /**
   * The plan in force at some time from the period's start to the census date, or null when it was not, or when no
   * primary need is recorded (SEN2 has no "not known" need: the case is named in the log instead).
   */
  private static ActivePlan activePlan(Sen2Case c, Sen2CollectionPeriod p, LocalDate entry, LocalDate ceased,
      List<Sen2Case.Review> reviews, List<String> plansWithoutNeed) {
    if (ceased != null && ceased.isBefore(p.start())) {
      return null;
    }
    List<String> needs = Stream.of(c.primaryNeed(), c.secondaryNeed()).filter(Objects::nonNull).distinct().toList();
    if (c.primaryNeed() == null) {
      plansWithoutNeed.add(c.caseReference());
      return null;
    }
    Sen2Case.Review lastMeeting = reviews.stream()
        .filter(r -> p.inPeriod(r.meetingDate()) && p.asAtReference(r.meetingDate()) != null)
        .reduce((first, second) -> second).orElse(null);
    LocalDate lastDecision = reviews.stream().map(r -> p.asAtReference(r.decisionDate())).filter(Objects::nonNull)
        .reduce((first, second) -> second).orElse(p.asAtReference(c.lastReviewBeforeUs()));
    String outcome = lastMeeting == null || p.asAtReference(lastMeeting.decisionDate()) == null ? null
        : reviewOutcome(lastMeeting.outcome());
    return new ActivePlan(c.oldLaCode(), setting(c), entry, ceased, needs,
        lastMeeting == null ? null : lastMeeting.meetingDate(), outcome, lastDecision);
  }

  /** The council's review decision as SEN2 codes it: A amend, C cease, M maintain. */
  static String reviewOutcome(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case "AMEND" -> "A";
      case "CEASE" -> "C";
      case "MAINTAIN" -> "M";
      default -> null;
    };
  }
}
