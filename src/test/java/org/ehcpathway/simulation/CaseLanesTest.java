package org.ehcpathway.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaseLanesTest {

  private final CaseLanes lanes = new CaseLanes(2);

  @AfterEach
  void stop() {
    lanes.destroy();
  }

  @Test
  void eachCaseIsWorkedInItsOrderOnOneThread() {
    List<List<String>> cases = IntStream.range(0, 50)
        .mapToObj(c -> IntStream.range(0, 20).mapToObj(step -> c + "/" + step).toList()).toList();
    Map<String, List<Integer>> stepsSeen = new ConcurrentHashMap<>();
    Map<String, String> threadOfCase = new ConcurrentHashMap<>();
    List<String> other = Collections.synchronizedList(new ArrayList<>());

    lanes.run(cases, item -> {
      String caseNumber = item.substring(0, item.indexOf('/'));
      stepsSeen.computeIfAbsent(caseNumber, c -> Collections.synchronizedList(new ArrayList<>()))
          .add(Integer.parseInt(item.substring(item.indexOf('/') + 1)));
      String thread = Thread.currentThread().getName();
      if (!thread.equals(threadOfCase.computeIfAbsent(caseNumber, c -> thread))) {
        other.add(item);
      }
    });

    assertThat(stepsSeen).hasSize(50);
    stepsSeen.values().forEach(steps -> assertThat(steps).containsExactlyElementsOf(IntStream.range(0, 20).boxed()
        .toList()));
    assertThat(other).as("steps done on another thread than the rest of their case").isEmpty();
  }

  @Test
  void differentCasesRunAtTheSameTime() {
    // each case waits at the barrier for another: with one lane at a time this would time out
    CyclicBarrier bothAtOnce = new CyclicBarrier(2);
    List<String> met = Collections.synchronizedList(new ArrayList<>());

    lanes.run(List.of(List.of("a"), List.of("b")), item -> {
      try {
        bothAtOnce.await(10, TimeUnit.SECONDS);
        met.add(item);
      } catch (Exception e) {
        throw new IllegalStateException("case " + item + " ran alone", e);
      }
    });

    assertThat(met).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aFailureReachesTheCallerAfterEveryLaneHasStopped() {
    List<String> done = Collections.synchronizedList(new ArrayList<>());

    assertThatThrownBy(() -> lanes.run(List.of(List.of("bad"), List.of("x1", "x2"), List.of("y")), item -> {
      if (item.equals("bad")) {
        throw new IllegalArgumentException("bad step");
      }
      done.add(item);
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad step");

    assertThat(done).containsExactlyInAnyOrder("x1", "x2", "y");
  }

  @Test
  void oneThreadWorksTheCasesInTheCallersThreadInOrder() {
    CaseLanes single = new CaseLanes(1);
    List<String> seen = new ArrayList<>();
    String caller = Thread.currentThread().getName();
    try {
      single.run(List.of(List.of("a1", "a2"), List.of("b1")), item -> {
        assertThat(Thread.currentThread().getName()).isEqualTo(caller);
        seen.add(item);
      });
    } finally {
      single.destroy();
    }
    assertThat(seen).containsExactly("a1", "a2", "b1");
    CaseLanes onePerCore = new CaseLanes(0);
    assertThat(onePerCore.threads()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 8));
    onePerCore.destroy();
  }
}
