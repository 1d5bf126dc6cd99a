package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductionLaCodeCheckTest {

  @Test
  void theDemoLaCodeStopsAProductionStart() {
    assertThatThrownBy(() -> new ProductionLaCodeCheck(new Sen2Properties("999", "Y", "Y", "001")).afterPropertiesSet())
        .hasMessageContaining("ehc.sen2.la-code")
        .hasMessageContaining("EHC_SEN2_LA_CODE");
  }

  @Test
  void aCouncilsLaCodePasses() {
    assertThatCode(() -> new ProductionLaCodeCheck(new Sen2Properties("935", "Y", "N", "001")).afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}
