/**
 * Renderers for the result of {@code moat scan}: JSON (the contract of DESIGN.md), SARIF 2.1.0, an
 * aligned terminal table and a self-contained HTML report. Texts come from the {@code
 * ScanReportMessages} bundle in en and zh-CN; the locale is always passed in.
 */
@NullMarked
package dev.moat.report.scan;

import org.jspecify.annotations.NullMarked;
