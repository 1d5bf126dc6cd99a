package org.ehcpathway.intake;

public enum RequestSource {
  PARENT, YOUNG_PERSON, SCHOOL, HEALTH, SOCIAL_CARE, OTHER
}
