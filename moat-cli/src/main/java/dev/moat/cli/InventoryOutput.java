package dev.moat.cli;

import dev.moat.discover.Inventory;
import dev.moat.report.inventory.InventoryHtml;
import dev.moat.report.inventory.InventoryJson;
import dev.moat.report.inventory.InventoryTable;
import dev.moat.report.inventory.InventoryXlsx;
import dev.moat.report.inventory.Labels;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders an inventory in one of the discover formats, to a stream or atomically to a file. */
final class InventoryOutput {
  private InventoryOutput() {}

  static void render(
      Inventory inv,
      DiscoverCommand.Format fmt,
      PrintWriter w,
      @Nullable OutputStream binary,
      Locale locale)
      throws IOException {
    Labels l = Labels.of(locale);
    switch (fmt) {
      case TABLE -> InventoryTable.write(inv, w, l);
      case JSON -> InventoryJson.write(inv, w);
      case HTML -> InventoryHtml.write(inv, w, l, Instant.now(), VersionProvider.version());
      case XLSX -> {
        if (binary == null) {
          throw new IllegalStateException("xlsx needs a file");
        }
        InventoryXlsx.write(inv, binary, l);
      }
    }
    w.flush();
  }

  /** Writes to a temporary file next to {@code target}, then moves it over the target. */
  static void renderToFile(Inventory inv, DiscoverCommand.Format fmt, Path target, Locale locale)
      throws IOException {
    Path dir = target.getParent() == null ? Path.of(".") : target.getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
          PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
        render(inv, fmt, w, os, locale);
      }
      AtomicOutput.install(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
