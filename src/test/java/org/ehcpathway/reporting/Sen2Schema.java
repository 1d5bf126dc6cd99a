package org.ehcpathway.reporting;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/** DfE's SEN2 2024 schema, copied into the test resources, for validating exports. */
public final class Sen2Schema {

  private Sen2Schema() {
  }

  /** Throws with the schema's message if {@code xml} is not a valid SEN2 return. */
  public static void validate(byte[] xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = factory.newSchema(Sen2Schema.class.getResource("/sen2/SEN2_schema_2024.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
  }
}
