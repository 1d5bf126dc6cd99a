package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import org.ehcpathway.PathwayDriver;
import org.ehcpathway.PathwayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A case closed by another request while the at-risk page is being read: the page reads the open cases' order, then
 * their rows. Found under load (ApiLoadBenchmark): the dashboard answered 500 for a case withdrawn in between.
 */
@PathwayIntegrationTest
class AtRiskPageRaceTest {

  @MockitoSpyBean AtRiskRanking ranking;
  @Autowired AtRiskList atRiskList;
  @Autowired PathwayDriver driver;
  @Autowired JdbcClient jdbc;

  @Test
  void aCaseClosedBetweenTheTwoReadsLeavesThePage() {
    driver.today("2026-04-06");
    String open = driver.receiveRequest("2026-04-06", "2016-05-01").caseReference();
    String closing = driver.receiveRequest("2026-04-06", "2016-06-01").caseReference();
    doAnswer(call -> {
      Object references = call.callRealMethod();
      // another request withdraws the case, and commits, after the order was read
      jdbc.sql("UPDATE ehc_case SET status = 'WITHDRAWN', closed_date = DATE '2026-04-06' WHERE case_reference = ?")
          .param(closing).update();
      return references;
    }).when(ranking).references(any(), anyLong(), anyInt());

    AtRiskPage page = atRiskList.page(0, AtRiskList.MAX_PAGE_SIZE);

    List<String> listed = page.cases().stream().map(AtRiskCase::caseReference).toList();
    assertThat(listed).contains(open).doesNotContain(closing);
  }
}
