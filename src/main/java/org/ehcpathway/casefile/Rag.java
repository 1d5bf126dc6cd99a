package org.ehcpathway.casefile;

/** How close a case is to breaking a statutory deadline: RED breached, AMBER within 2 weeks, GREEN otherwise. */
public enum Rag {
  GREEN, AMBER, RED
}
