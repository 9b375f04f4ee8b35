/**
 * JMH benchmarks. Build with {@code ./mvnw -Pbench -pl moat-bench -am package -DskipTests}, run
 * with {@code java -jar moat-bench/target/benchmarks.jar NAME}. Side-by-side scripts against peers
 * (ripgrep, nmap, sha256sum) are in {@code moat-bench/scripts/}.
 */
package dev.moat.bench;
