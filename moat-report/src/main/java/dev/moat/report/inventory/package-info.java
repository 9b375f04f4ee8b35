/**
 * Renderers of the data-asset inventory (数据资产清单) produced by {@code moat discover}: table, JSON
 * (the DESIGN.md contract), XLSX and self-contained HTML.
 */
@NullMarked
package dev.moat.report.inventory;

import org.jspecify.annotations.NullMarked;
