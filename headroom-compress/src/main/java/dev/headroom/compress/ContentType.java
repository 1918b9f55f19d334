package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a piece of text is, as {@link ContentDetector} classifies it; it decides the compressor. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ContentType {
  /** A JSON document whose root is an array. */
  JSON_ARRAY("json_array"),
  /** A JSON document whose root is an object. */
  JSON_OBJECT("json_object"),
  /** A unified diff ({@code git diff}, {@code git show}, {@code diff -u}). */
  DIFF("diff"),
  /** An HTML page or fragment. */
  HTML("html"),
  /**
   * grep / ripgrep / git grep hits ({@code path:line:text}) or bare path listings ({@code find}).
   */
  SEARCH("search"),
  /** Application logs and build or test output. */
  LOG("log"),
  /**
   * Columns of text: CSV/TSV, psql, {@code ps}, {@code ls -la}, {@code docker ps}, {@code kubectl
   * get}.
   */
  TABLE("table"),
  /** Source code; {@link Detection#language()} names the language when known. */
  CODE("code"),
  /** Anything else: prose, Markdown, man pages. */
  TEXT("text");

  private final String tag;

  ContentType(String tag) {
    this.tag = tag;
  }

  /**
   * @return the stable lower-case name used in JSON output and metrics, e.g. {@code json_array}
   */
  public String tag() {
    return tag;
  }
}
