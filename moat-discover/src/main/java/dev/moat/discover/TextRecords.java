package dev.moat.discover;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Reads records from text formats into a uniform sample of column values. */
final class TextRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private TextRecords() {}

  /**
   * @param seen records read
   * @param complete whether the input was read to its end
   * @param chars characters read, for estimating the total from the file size
   */
  record Result(List<ColumnSample> columns, int sampled, long seen, boolean complete, long chars) {
    long estimate(long fileBytes) {
      if (fileBytes < 0 || chars == 0) {
        return -1;
      }
      return Math.max(seen, Math.round(seen * (double) fileBytes / chars));
    }
  }

  /** Counts characters so that an unfinished read can estimate the total. */
  private static final class Counting extends Reader {
    private final Reader in;
    long chars;

    Counting(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        chars += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  static Result csv(Reader reader, @Nullable Character sep, int n, RandomGenerator random)
      throws IOException {
    BufferedReader br = new BufferedReader(reader, 64 * 1024);
    br.mark(64 * 1024);
    String firstLine = br.readLine();
    br.reset();
    if (firstLine == null) {
      return new Result(List.of(), 0, 0, true, 0);
    }
    char s = sep != null ? sep : sniff(firstLine);
    Counting in = new Counting(br);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(s);
    Reservoir<String[]> res = new Reservoir<>(n, random);
    String[] header = null;
    long limit = (long) FileSampler.READ_FACTOR * n;
    boolean complete = true;
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(in)) {
      while (it.hasNextValue()) {
        String[] row = it.nextValue();
        if (header == null) {
          header = row;
          continue;
        }
        if (res.seen() >= limit) {
          complete = false;
          break;
        }
        res.offer(row);
      }
    }
    if (header == null) {
      return new Result(List.of(), 0, 0, true, in.chars);
    }
    List<ColumnSample> cols = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      List<String> values = new ArrayList<>();
      for (String[] row : res.items()) {
        if (i < row.length && !row[i].isBlank()) {
          values.add(ColumnSample.cut(row[i].trim()));
        }
      }
      String name = header[i].trim().isEmpty() ? "column_" + (i + 1) : header[i].trim();
      cols.add(new ColumnSample(stripBom(name), null, null, values));
    }
    return new Result(cols, res.items().size(), res.seen(), complete, in.chars);
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static char sniff(String line) {
    char best = ',';
    long bestCount = 0;
    for (char c : new char[] {',', '\t', ';', '|'}) {
      long count = line.chars().filter(x -> x == c).count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  static Result json(Reader reader, int n, RandomGenerator random) throws IOException {
    Counting in = new Counting(reader);
    Reservoir<JsonNode> res = new Reservoir<>(n, random);
    long limit = (long) FileSampler.READ_FACTOR * n;
    boolean complete = true;
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT
            || p.currentToken() == JsonToken.START_ARRAY
            || (p.currentToken() != null && p.currentToken().isScalarValue())) {
          if (res.seen() >= limit) {
            complete = false;
            break;
          }
          res.offer(JSON.readTree(p));
        }
      } else if (t != null) {
        res.offer(JSON.readTree(p));
      }
    }
    return records(res, complete, in.chars);
  }

  static Result jsonLines(Reader reader, int n, RandomGenerator random) throws IOException {
    Counting in = new Counting(reader);
    BufferedReader br = new BufferedReader(in, 64 * 1024);
    Reservoir<String> res = new Reservoir<>(n, random);
    long limit = (long) FileSampler.READ_FACTOR * n;
    boolean complete = true;
    String line;
    while ((line = br.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (res.seen() >= limit) {
        complete = false;
        break;
      }
      res.offer(line);
    }
    Reservoir<JsonNode> nodes = new Reservoir<>(n, random);
    for (String l : res.items()) {
      try {
        nodes.offer(JSON.readTree(l));
      } catch (IOException e) {
        // a malformed line is skipped, as log shippers do
      }
    }
    Result r = records(nodes, complete, in.chars);
    return new Result(r.columns(), r.sampled(), res.seen(), complete, in.chars);
  }

  private static Result records(Reservoir<JsonNode> res, boolean complete, long chars) {
    Map<String, List<String>> cols = new LinkedHashMap<>();
    for (JsonNode node : res.items()) {
      JsonFields.flatten(node, "", cols);
    }
    List<ColumnSample> out = new ArrayList<>();
    cols.forEach((k, v) -> out.add(new ColumnSample(k, null, null, v)));
    return new Result(out, res.items().size(), res.seen(), complete, chars);
  }

  static Result lines(Reader reader, int n, RandomGenerator random) throws IOException {
    Counting in = new Counting(reader);
    BufferedReader br = new BufferedReader(in, 64 * 1024);
    Reservoir<String> res = new Reservoir<>(n, random);
    long limit = (long) FileSampler.READ_FACTOR * n;
    boolean complete = true;
    String line;
    while ((line = br.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (res.seen() >= limit) {
        complete = false;
        break;
      }
      res.offer(ColumnSample.cut(line));
    }
    List<ColumnSample> cols =
        res.items().isEmpty() ? List.of() : List.of(new ColumnSample("*", null, null, res.items()));
    return new Result(cols, res.items().size(), res.seen(), complete, in.chars);
  }
}
