package org.ehcpathway.reporting;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.ehcpathway.reporting.Sen2Return.ActivePlan;
import org.ehcpathway.reporting.Sen2Return.Assessment;
import org.ehcpathway.reporting.Sen2Return.Person;
import org.ehcpathway.reporting.Sen2Return.Request;
import org.ehcpathway.reporting.Sen2Return.Setting;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a {@link Sen2Return} as the SEN2 2024 XML message, elements in the schema's order, UTF-8. */
final class Sen2Xml {

  private Sen2Xml() {
  }

  static byte[] write(Sen2Return sen2) {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element message = doc.createElement("Message");
      doc.appendChild(message);
      header(child(message, "Header"), sen2.header());
      Element persons = child(message, "Persons");
      sen2.persons().forEach(p -> person(child(persons, "Person"), p));
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("The JDK's XML support failed to write the SEN2 return", e);
    }
  }

  private static void header(Element header, Sen2Return.Header h) {
    Element details = child(header, "CollectionDetails");
    text(details, "Collection", "SEN2");
    text(details, "Year", h.year());
    text(details, "ReferenceDate", h.referenceDate());
    Element source = child(header, "Source");
    text(source, "SourceLevel", "L");
    text(source, "LEA", h.laCode());
    text(source, "SoftwareCode", h.softwareCode());
    text(source, "Release", h.release());
    text(source, "SerialNo", h.serialNo());
    text(source, "DateTime", h.dateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
    text(source, "DMO", h.dmo());
    text(source, "DCO", h.dco());
  }

  private static void person(Element e, Person p) {
    text(e, "Surname", p.surname());
    text(e, "Forename", p.forename());
    text(e, "PersonBirthDate", p.birthDate());
    text(e, "Sex", p.sex());
    text(e, "Ethnicity", p.ethnicity());
    text(e, "PostCode", p.postcode());
    text(e, "UPN", p.upn());
    p.requests().forEach(r -> request(child(e, "Requests"), r));
  }

  private static void request(Element e, Request r) {
    text(e, "ReceivedDate", r.receivedDate());
    text(e, "RYA", r.fromYoungPerson());
    text(e, "RequestOutcomeDate", r.outcomeDate());
    text(e, "RequestOutcome", r.outcome());
    if (r.assessment() != null) {
      assessment(child(e, "Assessment"), r.assessment());
    }
    if (r.activePlan() != null) {
      activePlan(child(e, "ActivePlans"), r.activePlan());
    }
  }

  private static void assessment(Element e, Assessment a) {
    text(e, "AssessmentOutcome", a.outcome());
    text(e, "AssessmentOutcomeDate", a.outcomeDate());
    text(e, "Week20", a.week20());
    if (a.namedPlan() != null) {
      Element plan = child(e, "NamedPlan");
      text(plan, "StartDate", a.namedPlan().startDate());
      Element detail = child(plan, "PlanDetail");
      setting(detail, a.namedPlan().setting());
      text(detail, "PlacementRank", 1);
      text(detail, "SENunitIndicator", false);
      text(detail, "ResourcedProvisionIndicator", false);
      text(plan, "CeaseDate", a.namedPlan().ceaseDate());
      text(plan, "CeaseReason", a.namedPlan().ceaseReason());
    }
  }

  private static void activePlan(Element e, ActivePlan a) {
    text(e, "TransferLA", a.transferLa());
    Element placement = child(e, "PlacementDetail");
    setting(placement, a.setting());
    text(placement, "PlacementRank", 1);
    text(placement, "EntryDate", a.entryDate());
    text(placement, "LeavingDate", a.leavingDate());
    text(placement, "SENunitIndicator", false);
    text(placement, "ResourcedProvisionIndicator", false);
    List<String> needs = a.needs();
    for (int rank = 1; rank <= needs.size(); rank++) {
      Element need = child(e, "SENneed");
      text(need, "SENtype", needs.get(rank - 1));
      text(need, "SENtypeRank", rank);
    }
    text(e, "ReviewMeeting", a.reviewMeeting());
    text(e, "ReviewOutcome", a.reviewOutcome());
    text(e, "LastReview", a.lastReview());
  }

  private static void setting(Element e, Setting s) {
    text(e, "SENSetting", s.senSetting());
    text(e, "SENSettingOther", s.other());
  }

  private static Element child(Element parent, String name) {
    Element e = parent.getOwnerDocument().createElement(name);
    parent.appendChild(e);
    return e;
  }

  /** A child element with the value's text; nothing when the value is null. */
  private static void text(Element parent, String name, Object value) {
    if (value != null) {
      child(parent, name).setTextContent(value.toString());
    }
  }
}
