package dev.brokerwatch.dsl.dashboard;

/** A panel's place on Grafana's 24-column grid. */
public record GridPos(int x, int y, int w, int h) {
    public static final int COLUMNS = 24;

    public int bottom() {
        return y + h;
    }

    public boolean overlaps(GridPos o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
}
