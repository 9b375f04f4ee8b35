package dev.moat.discover;

import java.util.List;

/** The result of one discovery run: per-source status and one row per column. */
public record Inventory(List<SourceStatus> sources, List<InventoryColumn> columns) {
  public Inventory {
    sources = List.copyOf(sources);
    columns = List.copyOf(columns);
  }
}
