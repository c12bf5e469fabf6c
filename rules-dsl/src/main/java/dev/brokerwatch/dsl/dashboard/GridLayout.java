package dev.brokerwatch.dsl.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs one row's panels left to right on the 24-column grid, wrapping to a new line when a panel does not
 * fit. Panels placed exactly ({@code place x y w h}, relative to the row's top) are reserved first; packed
 * panels flow around them.
 */
final class GridLayout {
    private final int top;
    private final List<GridPos> reserved = new ArrayList<>();
    private int x;
    private int y;
    private int lineHeight;
    private int bottom;

    GridLayout(int top) {
        this.top = top;
        this.y = top;
        this.bottom = top;
    }

    /** Reserves an exact place; reserving the same place again returns it (placements are reserved up front). */
    GridPos reserve(int px, int py, int w, int h) {
        int x0 = Math.min(px, GridPos.COLUMNS - 1);
        GridPos pos = new GridPos(x0, top + py, Math.max(1, Math.min(w, GridPos.COLUMNS - x0)), Math.max(1, h));
        if (reserved.contains(pos)) {
            return pos;
        }
        reserved.add(pos);
        bottom = Math.max(bottom, pos.bottom());
        return pos;
    }

    GridPos next(int width, int height) {
        int w = Math.max(1, Math.min(width, GridPos.COLUMNS));
        int h = Math.max(1, height);
        while (true) {
            if (x + w > GridPos.COLUMNS) {
                x = 0;
                y += Math.max(lineHeight, 1);
                lineHeight = 0;
            }
            GridPos candidate = new GridPos(x, y, w, h);
            GridPos blocking = reserved.stream().filter(candidate::overlaps).findFirst().orElse(null);
            if (blocking == null) {
                x += w;
                lineHeight = Math.max(lineHeight, h);
                bottom = Math.max(bottom, candidate.bottom());
                return candidate;
            }
            x = blocking.x() + blocking.w();
        }
    }

    int bottom() {
        return bottom;
    }
}
