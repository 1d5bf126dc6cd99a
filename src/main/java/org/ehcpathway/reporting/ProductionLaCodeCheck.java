package org.ehcpathway.reporting;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production the SEN2 return must carry the council's own LA code: the demo value 999 is no council, and a return
 * sent with it would be rejected by the DfE or, worse, mixed up. Start-up fails with the setting to change.
 */
@Component
@Profile("prod")
class ProductionLaCodeCheck implements InitializingBean {

  static final String DEMO_LA_CODE = "999";

  private final Sen2Properties sen2;

  ProductionLaCodeCheck(Sen2Properties sen2) {
    this.sen2 = sen2;
  }

  @Override
  public void afterPropertiesSet() {
    if (DEMO_LA_CODE.equals(sen2.laCode())) {
      throw new IllegalStateException("ehc.sen2.la-code is the demo value " + DEMO_LA_CODE
          + ": set the council's 3-digit DfE LA code (env EHC_SEN2_LA_CODE)");
    }
  }
}
