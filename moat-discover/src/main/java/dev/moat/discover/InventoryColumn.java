package dev.moat.discover;

import dev.moat.core.Category;
import dev.moat.core.Level;
import dev.moat.core.detect.Confidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the data-asset inventory: one column (field, key group, file column) with its
 * classification, as in the {@code moat discover --format json} contract of DESIGN.md.
 *
 * @param source the source with its password masked
 * @param database database or catalog, if any
 * @param schema schema, if any
 * @param table table, key pattern or file path
 * @param column column, field path or {@code *} for free text
 * @param entity entity id, or null when nothing personal or important was found
 * @param confidence how sure the classification is; null when {@code entity} is null
 * @param hitRate share of sampled non-empty values in which the entity was detected, 0..1
 * @param sampled values read
 * @param rows rows in the table from statistics, -1 when unknown
 * @param examples masked examples, never raw values
 * @param previousEntity the entity of the previous run, for {@link Change#CHANGED} rows
 * @param previousLevel the level of the previous run, for {@link Change#CHANGED} rows
 */
public record InventoryColumn(
    String source,
    @Nullable String database,
    @Nullable String schema,
    String table,
    String column,
    @Nullable String entity,
    @Nullable Confidence confidence,
    double hitRate,
    int sampled,
    long rows,
    Category category,
    Level level,
    List<String> examples,
    Instant firstSeen,
    Change change,
    @Nullable String previousEntity,
    @Nullable Level previousLevel) {

  public InventoryColumn {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(change, "change");
    if (!(hitRate >= 0 && hitRate <= 1)) {
      throw new IllegalArgumentException("hitRate must be in 0..1: " + hitRate);
    }
    examples = List.copyOf(examples);
  }

  /** The entity, if one was found. */
  public Optional<String> entityId() {
    return Optional.ofNullable(entity);
  }

  /** True when this column holds personal or important data. */
  public boolean sensitive() {
    return entity != null;
  }

  /** The identity of the column within its source: database, schema, table, column. */
  public String key() {
    return String.valueOf(database) + '\u0000' + schema + '\u0000' + table + '\u0000' + column;
  }

  /** This row with a different first-seen time and change. */
  public InventoryColumn withHistory(
      Instant first, Change ch, @Nullable String prevEntity, @Nullable Level prevLevel) {
    return new InventoryColumn(
        source,
        database,
        schema,
        table,
        column,
        entity,
        confidence,
        hitRate,
        sampled,
        rows,
        category,
        level,
        examples,
        first,
        ch,
        prevEntity,
        prevLevel);
  }
}
