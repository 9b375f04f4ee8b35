/** The Kubernetes check: API server and kubelet answering anonymous requests with pods. */
@NullMarked
package dev.moat.scan.check.kubernetes;

import org.jspecify.annotations.NullMarked;
