/** The Druid monitor check: Alibaba Druid's StatViewServlet reachable without login. */
@NullMarked
package dev.moat.scan.check.druid;

import org.jspecify.annotations.NullMarked;
