/**
 * The check SPI of {@code moat scan}: one {@link dev.moat.scan.check.Check} per service, found
 * through {@code META-INF/services/dev.moat.scan.check.Check}, so adding a service touches no
 * central switch.
 *
 * <h2>How a port is handled</h2>
 *
 * <ol>
 *   <li>The sweep finds the port open.
 *   <li>The fingerprinter connects and waits briefly for a banner; every check's banner {@link
 *       dev.moat.scan.check.Probe probes} look at it. If none matches, payload probes run one per
 *       connection, in {@code order}, those of checks whose {@link
 *       dev.moat.scan.check.Check#defaultPorts() default ports} include the port first; then TLS is
 *       tried and the probes run again inside it. A match gives an {@link
 *       dev.moat.scan.check.Identity}; otherwise the port is {@code unknown}.
 *   <li>Every check whose {@link dev.moat.scan.check.Check#services() services} include the
 *       identity's service runs with a {@link dev.moat.scan.check.CheckContext} and returns a
 *       {@link dev.moat.scan.check.CheckResult}: refined identity, {@link dev.moat.core.Auth}, and
 *       findings. A check's exception becomes an error on that port, never a crash.
 * </ol>
 *
 * <h2>How to write a check</h2>
 *
 * <ol>
 *   <li>Make a package {@code dev.moat.scan.check.<service>} with a {@code package-info.java}
 *       ({@code @NullMarked}) and one public final class with a public no-argument constructor
 *       implementing {@link dev.moat.scan.check.Check}. Stateless: one instance serves all ports
 *       from many threads. {@code dev.moat.scan.check.redis.RedisCheck} is the worked example.
 *   <li>{@code id()} is the service name ({@code redis}); finding ids are {@code id + "." + name}
 *       ({@code redis.no-auth}).
 *   <li>{@code probes()}: a banner probe ({@link dev.moat.scan.check.Probe#banner}) if the server
 *       speaks first, else a payload probe ({@link dev.moat.scan.check.Probe#send}) whose bytes are
 *       harmless to every other service. The {@link dev.moat.scan.check.Recogniser} must demand
 *       product-specific bytes — a generic {@code -ERR} or {@code 200 OK} is not enough — and
 *       return {@link dev.moat.scan.check.Recognition#NO} as early as the bytes rule it out. HTTP
 *       applications need no probe: the scanner recognises {@code http}/{@code https} itself; run
 *       on those services and return {@link dev.moat.scan.check.CheckResult#notApplicable()} when
 *       the server is not your product, or a refined identity when it is.
 *   <li>{@code run(ctx)}: open connections only through {@link
 *       dev.moat.scan.check.CheckContext#connect()} (limits are enforced there: per-read timeout,
 *       per-connection budget, read cap), use {@link dev.moat.scan.check.Http} for HTTP. Prove
 *       access with a <b>data-returning read</b> (INFO, listDatabases, {@code /_cat/indices}),
 *       never with a greeting. Recognise the negative signatures of the reference (auth required,
 *       look-alikes) and return {@link dev.moat.scan.check.CheckResult#locked} for them: a locked
 *       service never yields a finding.
 *   <li><b>Read-only.</b> Never write, create, delete, configure or execute on the target: no
 *       {@code CONFIG SET}, no PUT, no script consoles, no mounts, no subscribe to {@code #}.
 *   <li>Evidence: if {@link dev.moat.scan.check.CheckContext#sampling()} is on, read a small sample
 *       ({@link dev.moat.scan.check.CheckContext#sampleSize()} keys, rows, documents) and pass it
 *       to {@link dev.moat.scan.check.CheckContext#detect}, which returns an {@link
 *       dev.moat.scan.check.Exposure} (counts and masked examples). Raw values never leave the
 *       check; never put one in evidence, a detail text or an exception message.
 *   <li>Build findings with {@link dev.moat.scan.check.CheckContext#finding}: texts (title, detail,
 *       remediation, references) come from {@code Findings.properties} and {@code
 *       Findings_zh_CN.properties} in the check's package; set the base severity; the exposure
 *       raises it (see {@link dev.moat.scan.check.Exposure#raise}). Add a row to {@code
 *       docs/checks.md}.
 *   <li>List the class in {@code
 *       moat-scan/src/main/resources/META-INF/services/dev.moat.scan.check.Check}.
 *   <li>Test against the real server on loopback in an open and a locked configuration ({@code
 *       *IT}); the locked one must give {@code auth: required} and no finding.
 * </ol>
 */
@NullMarked
package dev.moat.scan.check;

import org.jspecify.annotations.NullMarked;
