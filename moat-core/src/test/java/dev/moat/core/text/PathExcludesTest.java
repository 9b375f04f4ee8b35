package dev.moat.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PathExcludesTest {
  @Test
  void patternWithoutSlash_matchesTheNameAtAnyDepth() {
    PathExcludes x = PathExcludes.of(List.of("node_modules", "*.min.js", "?.tmp"));
    assertThat(x.excludes("node_modules")).isTrue();
    assertThat(x.excludes("web/node_modules")).isTrue();
    assertThat(x.excludes("web/app.min.js")).isTrue();
    assertThat(x.excludes("a.tmp")).isTrue();
    assertThat(x.excludes("web/app.js")).isFalse();
    assertThat(x.excludes("node_modules.txt")).isFalse();
    assertThat(x.excludes("ab.tmp")).isFalse();
  }

  @Test
  void patternWithSlash_matchesThePathBelowTheWalkedDirectory() {
    PathExcludes x = PathExcludes.of(List.of("logs/archive", "**/fixtures/*.csv", "/build/**"));
    assertThat(x.excludes("logs/archive")).isTrue();
    assertThat(x.excludes("logs/archive/x.log")).isFalse(); // the directory is pruned instead
    assertThat(x.excludes("a/logs/archive")).isFalse();
    assertThat(x.excludes("src/test/fixtures/ids.csv")).isTrue();
    assertThat(x.excludes("src/test/fixtures/deeper/ids.csv")).isFalse();
    assertThat(x.excludes("build/out/report.txt")).isTrue();
    assertThat(x.excludes("src/build/out/report.txt")).isFalse();
  }

  @Test
  void braceAlternativesAndTrailingSlash() {
    PathExcludes x = PathExcludes.of(List.of("*.{gz,zip}", "vendor/", "./dist"));
    assertThat(x.excludes("a/b.gz")).isTrue();
    assertThat(x.excludes("b.zip")).isTrue();
    assertThat(x.excludes("b.tar")).isFalse();
    assertThat(x.excludes("vendor")).isTrue();
    assertThat(x.excludes("a/vendor")).isTrue();
    assertThat(x.excludes("dist")).isTrue();
    assertThat(x.excludes("a/dist")).isFalse(); // anchored by ./ as /dist would be
  }

  @Test
  void none_excludesNothing() {
    assertThat(PathExcludes.of(List.of())).isSameAs(PathExcludes.NONE);
    assertThat(PathExcludes.NONE.excludes("anything")).isFalse();
  }

  @Test
  void invalidOrEmptyPattern_isRejectedWithTheReason() {
    assertThatThrownBy(() -> PathExcludes.of(List.of("[a-")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("]");
    assertThatThrownBy(() -> PathExcludes.of(List.of("  /"))).hasMessageContaining("empty pattern");
  }
}
