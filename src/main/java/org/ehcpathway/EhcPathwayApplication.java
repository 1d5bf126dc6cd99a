package org.ehcpathway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EhcPathwayApplication {

  public static void main(String[] args) {
    SpringApplication.run(EhcPathwayApplication.class, args);
  }
}
