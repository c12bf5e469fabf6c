package dev.brokerwatch.agent.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReusablePoolTest {
  @Test
  void reusesWhatWasGivenBack() {
    AtomicInteger created = new AtomicInteger();
    ReusablePool<Object> pool = new ReusablePool<>(2, () -> new Object[] {created.incrementAndGet()});

    Object first = pool.take();
    pool.give(first);

    assertThat(pool.take()).isSameAs(first);
    assertThat(created.get()).isEqualTo(1);
  }

  @Test
  void keepsNoMoreThanItsCapacity() {
    ReusablePool<Object> pool = new ReusablePool<>(2, Object::new);
    Object a = pool.take();
    Object b = pool.take();
    Object c = pool.take();

    pool.give(a);
    pool.give(b);
    pool.give(c);

    assertThat(pool.idleCount()).isEqualTo(2);
  }
}
