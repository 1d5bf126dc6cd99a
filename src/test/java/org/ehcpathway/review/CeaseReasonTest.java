package org.ehcpathway.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The cease reasons are SEN2's: the codes and texts of DfE's 2024 schema, and the review form shows the same. */
class CeaseReasonTest {

  @Test
  void theCodesAndTextsAreThoseOfTheSen2Schema() throws Exception {
    Map<String, String> product = Arrays.stream(CeaseReason.values())
        .collect(Collectors.toMap(CeaseReason::code, CeaseReason::sen2Text, (a, b) -> a, LinkedHashMap::new));

    assertThat(product).containsExactlyEntriesOf(schemaCeaseReasons());
    assertThat(CeaseReason.ofCode("5")).contains(CeaseReason.TRANSFERRED_TO_ANOTHER_LA);
    assertThat(CeaseReason.ofCode("0")).isEmpty();
    assertThat(CeaseReason.ofCode(null)).isEmpty();
  }

  @Test
  void theReviewFormOffersEveryReasonButATransferWithTheSchemasWords() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", "decide-review-outcome.form").toFile());
    Map<String, String> offered = new LinkedHashMap<>();
    for (JsonNode component : form.get("components")) {
      if ("ceaseReason".equals(component.path("key").asText())) {
        component.get("values").forEach(v -> offered.put(v.get("value").asText(), v.get("label").asText()));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>(schemaCeaseReasons());
    expected.remove("5");

    assertThat(offered).containsExactlyEntriesOf(expected);
  }

  private static Map<String, String> schemaCeaseReasons() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var schema = factory.newDocumentBuilder().parse(CeaseReasonTest.class
        .getResourceAsStream("/sen2/SEN2_schema_2024.xsd"));
    Map<String, String> reasons = new LinkedHashMap<>();
    NodeList types = schema.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "simpleType");
    for (int t = 0; t < types.getLength(); t++) {
      Element type = (Element) types.item(t);
      if (!"ceasereasontype".equals(type.getAttribute("name"))) {
        continue;
      }
      NodeList values = type.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "enumeration");
      for (int v = 0; v < values.getLength(); v++) {
        Element value = (Element) values.item(v);
        reasons.put(value.getAttribute("value"), value.getTextContent().trim());
      }
    }
    assertThat(reasons).hasSize(9);
    return reasons;
  }
}
