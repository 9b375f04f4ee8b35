package dev.moat.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code moat audit}: exit codes and output. */
final class AuditCommandTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of("--lang", "en"));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(new String[0]), out, err);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path events(String name, int from, int to) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append("{\"type\":\"data.access\",\"subject\":\"u")
          .append(i)
          .append("\",\"n\":")
          .append(i)
          .append("}\n");
    }
    Path p = tmp.resolve(name);
    Files.writeString(p, sb.toString());
    return p;
  }

  private Path log() {
    return tmp.resolve("log");
  }

  @Test
  void append_thenVerify_exitsZero() throws IOException {
    Result a =
        run(
            "audit",
            "append",
            "--log",
            log().toString(),
            "--input",
            events("e.jsonl", 0, 50).toString());
    assertThat(a.code()).isZero();
    assertThat(a.out()).contains("\"appended\":50").contains("\"size\":50");
    Result v = run("audit", "verify", "--log", log().toString());
    assertThat(v.code()).isZero();
    assertThat(v.out()).contains("OK: 50 entries");
  }

  @Test
  void append_malformedLine_exits2WithLineNumberAndAppendsNothing() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 5).toString());
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"a\":1}\n{\"b\":2}\n{\"c\":\n{\"d\":4}\n");
    Result r = run("audit", "append", "--log", log().toString(), "--input", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("line 3").contains("nothing was appended");
    assertThat(run("audit", "checkpoint", "--log", log().toString()).out().split("\n")[1])
        .isEqualTo("5");
  }

  @Test
  void checkpoint_printsSignedNote() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--origin",
        "example.cn/audit",
        "--input",
        events("e.jsonl", 0, 3).toString());
    Result r = run("audit", "checkpoint", "--log", log().toString());
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("example.cn/audit");
    assertThat(lines[1]).isEqualTo("3");
    assertThat(lines[3]).isEmpty();
    assertThat(lines[4]).startsWith("\u2014 example.cn/audit ");
  }

  @Test
  void verify_flippedByteAgainstEarlierCheckpoint_exits1NamingSegment() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 20).toString());
    Path cp = tmp.resolve("regulator.cp");
    Files.writeString(cp, run("audit", "checkpoint", "--log", log().toString()).out());
    Path pub = tmp.resolve("published.pub");
    try (Stream<Path> s = Files.list(log().resolve("keys"))) {
      Files.copy(s.filter(p -> p.toString().endsWith(".pub")).findFirst().orElseThrow(), pub);
    }
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("b.jsonl", 20, 30).toString());
    assertThat(
            run(
                    "audit",
                    "verify",
                    "--log",
                    log().toString(),
                    "--checkpoint",
                    cp.toString(),
                    "--public-key",
                    pub.toString())
                .code())
        .isZero();
    Path seg = log().resolve("segments/seg-00000000000000000000.log");
    byte[] b = Files.readAllBytes(seg);
    b[200] ^= 0x20;
    Files.write(seg, b);
    Result r =
        run(
            "audit",
            "verify",
            "--log",
            log().toString(),
            "--checkpoint",
            cp.toString(),
            "--public-key",
            pub.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("VERIFICATION FAILED")
        .contains("seg-00000000000000000000.log")
        .contains("entry");
  }

  @Test
  void verify_checkpointFromAnotherLog_exits1() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 3).toString());
    Path other = tmp.resolve("other");
    run(
        "audit",
        "append",
        "--log",
        other.toString(),
        "--input",
        events("b.jsonl", 0, 3).toString());
    Path cp = tmp.resolve("other.cp");
    Files.writeString(cp, run("audit", "checkpoint", "--log", other.toString()).out());
    Result r = run("audit", "verify", "--log", log().toString(), "--checkpoint", cp.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("checkpoint given");
  }

  @Test
  void verify_wrongPublicKey_exits1() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 3).toString());
    Path other = tmp.resolve("other");
    run(
        "audit",
        "append",
        "--log",
        other.toString(),
        "--input",
        events("b.jsonl", 0, 3).toString());
    Path pub;
    try (Stream<Path> s = Files.list(other.resolve("keys"))) {
      pub = s.filter(p -> p.toString().endsWith(".pub")).findFirst().orElseThrow();
    }
    Result r = run("audit", "verify", "--log", log().toString(), "--public-key", pub.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no valid signature by a trusted key");
  }

  @Test
  void verify_noLog_exits2() {
    Result r = run("audit", "verify", "--log", tmp.resolve("nothing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no audit log");
  }

  @Test
  void prove_index_printsJsonWithPathAndCheckpoint() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 9).toString());
    Result r = run("audit", "prove", "--log", log().toString(), "--index", "4");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"type\" : \"inclusion\"")
        .contains("\"treeSize\" : 9")
        .contains("\"path\"")
        .contains("u4");
    Result c = run("audit", "prove", "--log", log().toString(), "--from-size", "3");
    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("\"type\" : \"consistency\"").contains("\"size1\" : 3");
    assertThat(run("audit", "prove", "--log", log().toString(), "--index", "99").code())
        .isEqualTo(3);
  }

  @Test
  void tailAndSearch_showMatchingEvents() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 30).toString());
    Result t = run("audit", "tail", "--log", log().toString(), "-n", "2");
    assertThat(t.code()).isZero();
    assertThat(t.out()).contains("u28").contains("u29").doesNotContain("u27");
    Result s =
        run(
            "audit",
            "search",
            "--log",
            log().toString(),
            "--since",
            "1h",
            "--where",
            "subject=u7",
            "--format",
            "json");
    assertThat(s.code()).isZero();
    assertThat(s.out()).contains("\"index\" : 7").doesNotContain("u8");
    assertThat(run("audit", "search", "--log", log().toString(), "--since", "yesterday").code())
        .isEqualTo(2);
  }

  @Test
  void rotateKey_thenVerify_stillIntact() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 3).toString());
    Result r = run("audit", "rotate-key", "--log", log().toString());
    assertThat(r.code()).isZero();
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("b.jsonl", 3, 6).toString());
    assertThat(run("audit", "verify", "--log", log().toString()).code()).isZero();
  }

  @Test
  void archive_badAge_exits2AndNothingToArchiveExits0() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 3).toString());
    assertThat(run("audit", "archive", "--log", log().toString(), "--retention", "soon").code())
        .isEqualTo(2);
    Result r = run("audit", "archive", "--log", log().toString(), "--retention", "0h", "--gzip");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Archived 0 segments");
  }

  @Test
  void forward_syslogUdp_sendsEveryEntryThenNothingMore() throws IOException {
    run(
        "audit",
        "append",
        "--log",
        log().toString(),
        "--input",
        events("a.jsonl", 0, 4).toString());
    try (java.net.DatagramSocket rx =
        new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      rx.setSoTimeout(10_000);
      String target = "udp://127.0.0.1:" + rx.getLocalPort();
      Result r = run("audit", "forward", "--log", log().toString(), "--syslog", target);
      assertThat(r.code()).isZero();
      assertThat(r.err()).contains("Forwarded 4 entries");
      java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[65536], 65536);
      rx.receive(p);
      assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
          .startsWith("<110>1 ");
      assertThat(run("audit", "forward", "--log", log().toString(), "--syslog", target).err())
          .contains("Forwarded 0 entries");
    }
  }
}
