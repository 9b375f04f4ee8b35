package dev.moat.scan.check.dirlisting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DirListingCheckTest {
  static final String NGINX =
      "<html>\r\n<head><title>Index of /files/</title></head>\r\n<body>\r\n<h1>Index of /files/</h1>"
          + "<hr><pre><a href=\"../\">../</a>\r\n<a href=\"%E5%AE%A2%E6%88%B7.xlsx\">客户.xlsx</a>"
          + "  28-Nov-2026 10:00  12\r\n<a href=\"db.sql\">db.sql</a>\r\n</pre><hr></body>\r\n</html>";

  @Test
  void listing_nginxAutoindex_isListingWithDecodedNames() {
    assertThat(DirListingCheck.listing(NGINX, "/files/")).isTrue();
    assertThat(DirListingCheck.entries(NGINX)).containsExactly("客户.xlsx", "db.sql");
  }

  @Test
  void listing_pageMentioningIndexOf_isNotListing() {
    String blog =
        "<html><head><title>Index of my posts</title></head><body><h1>Index of /</h1></body></html>";
    assertThat(DirListingCheck.listing(blog, "/")).isFalse();
  }

  @Test
  void listing_otherPath_isNotListingOfThisPath() {
    assertThat(DirListingCheck.listing(NGINX, "/")).isFalse();
  }

  @Test
  void listing_emptyDirectoryOfPythonHttpServer_isStillListing() {
    // python3 -m http.server over an empty directory: the auto-index is on, and every file put
    // there later is listed to anyone, so the page counts (with no entries)
    String empty =
        "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>Directory listing for /</title>\n</head>\n<body>\n"
            + "<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n";
    assertThat(DirListingCheck.listing(empty, "/")).isTrue();
    assertThat(DirListingCheck.entries(empty)).isEmpty();
  }
}
