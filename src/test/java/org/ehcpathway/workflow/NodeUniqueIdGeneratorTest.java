package org.ehcpathway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two nodes on one host (two generators here) never make the same id, even when making ids in the same instant. */
class NodeUniqueIdGeneratorTest {

  private static final int IDS_PER_THREAD = 50_000;

  @Test
  void twoNodesMakingIdsAtOnceNeverMakeTheSameOne() throws Exception {
    NodeUniqueIdGenerator nodeA = new NodeUniqueIdGenerator();
    NodeUniqueIdGenerator nodeB = new NodeUniqueIdGenerator();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
      NodeUniqueIdGenerator node = i % 2 == 0 ? nodeA : nodeB;
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (int n = 0; n < IDS_PER_THREAD; n++) {
        ids.add(node.getNextId());
      }
    })).toList();
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(ids).hasSize(4 * IDS_PER_THREAD);
  }

  @Test
  void eachNodeHasItsOwnRandomNodePartNotTheHostsNetworkCard() {
    NodeUniqueIdGenerator nodeA = new NodeUniqueIdGenerator();
    NodeUniqueIdGenerator nodeB = new NodeUniqueIdGenerator();

    assertThat(nodeA.node()).isNotEqualTo(nodeB.node());
    for (NodeUniqueIdGenerator node : List.of(nodeA, nodeB)) {
      UUID id = UUID.fromString(node.getNextId());
      assertThat(id.version()).as("time-based, as Camunda's own ids").isEqualTo(1);
      assertThat(id.node() & 0x0100_0000_0000L).as("the multicast bit: a random node id (RFC 4122, 4.5)")
          .isNotZero();
      assertThat(id.toString()).endsWith(node.node());
    }
  }
}
