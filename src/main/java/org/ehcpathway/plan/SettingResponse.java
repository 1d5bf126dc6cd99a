package org.ehcpathway.plan;

public enum SettingResponse {
  ACCEPTS, DECLINES, NO_RESPONSE
}
