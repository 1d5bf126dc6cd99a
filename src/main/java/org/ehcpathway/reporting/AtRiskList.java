package org.ehcpathway.reporting;

import java.util.List;
import org.springframework.stereotype.Service;

/** TEMPORARY stand-in until the lead's service lands on main (same name and signature); removed before the merge. */
@Service
public class AtRiskList {

  public List<AtRiskCase> atRisk() {
    return List.of();
  }
}
