package dev.brokerwatch.agent.jmx;

/**
 * The working memory of one scrape besides the shared plan: the attribute values of the MBean being
 * read and the recorded sample values. Pooled, so a scrape does not allocate it anew.
 */
final class ScrapeScratch {
  private Object[] values = new Object[0];
  private final SampleCells cells = new SampleCells();

  /** Sizes everything for {@code plan} and forgets the previous scrape's values. */
  void prepare(ScrapePlan plan) {
    if (values.length < plan.maxAttributes()) {
      values = new Object[plan.maxAttributes()];
    }
    cells.clear(plan.cellCount());
  }

  /** One MBean's attribute values, in the order of its {@link BeanRead#attributes()}. */
  Object[] values() {
    return values;
  }

  SampleCells cells() {
    return cells;
  }
}
