package dev.moat.scan.check;

import dev.moat.core.Finding;
import dev.moat.core.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Finding} whose texts come from the check's resource bundle, in the user's locale.
 *
 * <p>The bundle is {@code Findings} in the check's package ({@code
 * dev/moat/scan/check/redis/Findings.properties} and {@code Findings_zh_CN.properties}, UTF-8,
 * MessageFormat syntax; pass ports and counts as strings, or MessageFormat prints {@code 6,379}).
 * For a finding id {@code redis.no-auth} it holds:
 *
 * <pre>
 * redis.no-auth.title=Redis accepts commands without a password
 * redis.no-auth.detail=Redis {0} on {1}:{2} answered INFO without credentials; {3} keys.
 * redis.no-auth.remediation=Set requirepass or ACL users; bind to internal addresses …
 * redis.no-auth.references=DSL-27,DSL-29,PIPL-51
 * </pre>
 *
 * <p>The finding id is stable across runs: a hash of the finding id, host, port and optional {@link
 * #key}. The severity is the base severity raised by the {@link Exposure} (see {@link
 * Exposure#raise}).
 */
public final class FindingBuilder {
  private final Check check;
  private final String findingId;
  private final CheckContext ctx;
  private Severity severity = Severity.HIGH;
  private Object[] titleArgs = new Object[0];
  private Object[] detailArgs = new Object[0];
  private final List<String> evidence = new ArrayList<>();
  private Exposure exposure = Exposure.NONE;
  private String key = "";
  private @Nullable String service;

  FindingBuilder(Check check, String findingId, CheckContext ctx) {
    if (!findingId.startsWith(check.id() + ".")) {
      throw new IllegalArgumentException(
          "finding id must start with the check id " + check.id() + ".: " + findingId);
    }
    this.check = check;
    this.findingId = findingId;
    this.ctx = ctx;
  }

  /** The base severity, before exposure raises it (documented per check in docs/checks.md). */
  public FindingBuilder severity(Severity base) {
    this.severity = Objects.requireNonNull(base, "severity");
    return this;
  }

  /** Arguments of the title pattern. */
  public FindingBuilder titleArgs(Object... args) {
    this.titleArgs = args.clone();
    return this;
  }

  /** Arguments of the detail pattern. */
  public FindingBuilder detailArgs(Object... args) {
    this.detailArgs = args.clone();
    return this;
  }

  /** Evidence lines: facts read from the target, masked where they could be personal data. */
  public FindingBuilder evidence(String... lines) {
    evidence.addAll(Arrays.asList(lines));
    return this;
  }

  /** Evidence lines. */
  public FindingBuilder evidence(List<String> lines) {
    evidence.addAll(lines);
    return this;
  }

  /** What the sample exposed: counts go to {@code exposure}, masked examples to evidence. */
  public FindingBuilder exposure(Exposure value) {
    this.exposure = Objects.requireNonNull(value, "exposure");
    return this;
  }

  /** Distinguishes several findings of one check on one port (e.g. a path). */
  public FindingBuilder key(String value) {
    this.key = Objects.requireNonNull(value, "key");
    return this;
  }

  /**
   * The service name of the finding when the check refined the port's identity (an etcd found on a
   * port fingerprinted as {@code http}); defaults to the fingerprinted service.
   */
  public FindingBuilder service(String value) {
    this.service = Objects.requireNonNull(value, "service");
    return this;
  }

  /** The finding. */
  public Finding build() {
    ResourceBundle bundle = bundle();
    String title = format(bundle, findingId + ".title", titleArgs);
    String detail = format(bundle, findingId + ".detail", detailArgs);
    String remediation = format(bundle, findingId + ".remediation", new Object[0]);
    List<String> references =
        Arrays.stream(text(bundle, findingId + ".references").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    List<String> allEvidence = new ArrayList<>(evidence);
    allEvidence.addAll(exposure.examples());
    return new Finding(
        id(),
        findingId,
        service != null ? service : ctx.identity().service(),
        ctx.host(),
        ctx.port(),
        exposure.raise(severity),
        title,
        detail,
        allEvidence,
        exposure.counts(),
        remediation,
        references);
  }

  private String id() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String s = findingId + "|" + ctx.host() + "|" + ctx.port() + "|" + key;
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  private ResourceBundle bundle() {
    String name = check.getClass().getPackageName() + ".Findings";
    try {
      return ResourceBundle.getBundle(
          name,
          ctx.locale(),
          check.getClass().getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      throw new IllegalStateException("check " + check.id() + " has no bundle " + name, e);
    }
  }

  private static String text(ResourceBundle b, String key) {
    try {
      return b.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("missing text " + key + " in " + b.getBaseBundleName(), e);
    }
  }

  private String format(ResourceBundle b, String key, Object[] args) {
    return new MessageFormat(text(b, key), ctx.locale()).format(args);
  }
}
