package org.ehcpathway.workflow;

import com.fasterxml.uuid.EthernetAddress;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.UUIDTimer;
import com.fasterxml.uuid.impl.TimeBasedGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The engine's ids: time-based UUIDs, like Camunda's default {@code StrongUuidGenerator}, but with a node part drawn
 * at random for each instance (a multicast address, as RFC 4122 section 4.5 allows) instead of the host's network
 * card address, and a clock sequence drawn from {@link SecureRandom}.
 *
 * <p>Why: Camunda's generator uses the network card's address, which every JVM on one host shares, and a 14-bit
 * clock sequence seeded from the start-up millisecond. Two nodes on one host (docs/production.md) were then kept
 * apart by those 14 bits alone; when they matched, ids made in the same instant on both nodes were equal, and the
 * second insert failed (one case creation answered 500 in a CI run of the cluster test: {@code act_hi_varinst_pkey}).
 * Here two nodes collide only if 47 random bits of node and 14 of clock sequence both match.
 *
 * <p>Picked up by the Camunda Spring Boot starter as the engine's {@code IdGenerator} bean, in place of its default.
 */
@Component
public class NodeUniqueIdGenerator implements IdGenerator {

  private final TimeBasedGenerator generator;

  public NodeUniqueIdGenerator() {
    SecureRandom random = new SecureRandom();
    try {
      generator = Generators.timeBasedGenerator(EthernetAddress.constructMulticastAddress(random),
          new UUIDTimer(random, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);   // only a timestamp synchronizer reads files; there is none
    }
  }

  @Override
  public String getNextId() {
    return generator.generate().toString();
  }

  /** The random node part (12 hex digits) this instance puts in every id. */
  public String node() {
    return generator.getEthernetAddress().toString().replace(":", "");
  }
}
