package org.centralis.shared.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final ExpiringMap<String, String> map = new ExpiringMap<>(60_000, 3, now::get);

  @Test
  void aValueIsTrustedForItsTimeToLiveAndNotAMillisecondLonger() {
    map.put("staff1", "/1/3/");
    now.addAndGet(60_000);
    assertEquals("/1/3/", map.get("staff1"), "at the time to live, still trusted");
    now.incrementAndGet();
    assertNull(map.get("staff1"), "past it, read again");
  }

  @Test
  void puttingAgainStartsTheTimeToLiveAgain() {
    map.put("staff1", "/1/3/");
    now.addAndGet(50_000);
    map.put("staff1", "/1/4/");
    now.addAndGet(50_000);
    assertEquals("/1/4/", map.get("staff1"));
  }

  @Test
  void atItsBoundItForgetsEverythingRatherThanGrow() {
    map.put("a", "1");
    map.put("b", "2");
    map.put("c", "3");
    map.put("d", "4");
    assertNull(map.get("a"));
    assertNull(map.get("c"));
    assertEquals("4", map.get("d"));
  }
}
