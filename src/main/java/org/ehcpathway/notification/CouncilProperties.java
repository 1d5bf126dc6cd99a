package org.ehcpathway.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who the council is and where families get help; printed on every notice. */
@ConfigurationProperties(prefix = "ehc.council")
public record CouncilProperties(String name, String sendTeamContact, String mediationService,
    String informationAdviceSupport) {
}
