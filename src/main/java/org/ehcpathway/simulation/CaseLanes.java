package org.ehcpathway.simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Works on several cases at once, as a council's staff do: the items of one case in their order on one thread,
 * different cases side by side ({@code ehc.simulation.threads}; 0, the default, for one per core up to
 * {@value #MOST_BY_DEFAULT}, below the connection pool's 10, so no lane waits for a connection). A case's dice and
 * its steps do not depend on any other case, so the history of each case is the same whichever thread does it. The
 * engine clock stays still while lanes run: only the walk moves it, between them.
 */
@Component
public class CaseLanes implements DisposableBean {

  static final int MOST_BY_DEFAULT = 8;

  private final int threads;
  private final ExecutorService pool;

  public CaseLanes(@Value("${ehc.simulation.threads:0}") int threads) {
    this.threads = threads > 0 ? threads : Math.min(Runtime.getRuntime().availableProcessors(), MOST_BY_DEFAULT);
    AtomicInteger number = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(this.threads, work -> {
      Thread thread = new Thread(work, "simulation-lane-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code work} on every item, each case's items in order on one thread, and returns when all are done. The
   * first exception that escapes {@code work} is thrown here, after every lane has stopped.
   */
  public <T> void run(Collection<List<T>> itemsByCase, Consumer<T> work) {
    if (threads == 1 || itemsByCase.size() < 2) {
      itemsByCase.forEach(items -> items.forEach(work));
      return;
    }
    ConcurrentLinkedQueue<List<T>> cases = new ConcurrentLinkedQueue<>(itemsByCase);
    List<Future<?>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.min(threads, itemsByCase.size()); i++) {
      lanes.add(pool.submit(() -> {
        for (List<T> items = cases.poll(); items != null; items = cases.poll()) {
          items.forEach(work);
        }
      }));
    }
    RuntimeException first = null;
    for (Future<?> lane : lanes) {
      try {
        lane.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        lanes.forEach(other -> other.cancel(true));   // no lane goes on working after the run has given up
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the simulation's lanes were running", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
