package dev.headroom.compress.internal.tokens;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated texts for the o200k splitter and counter tests. */
final class O200kTexts {

  private O200kTexts() {}

  /**
   * Letters of many scripts, marks, digits, contractions, white space of every kind, symbols,
   * emoji.
   */
  static Arbitrary<String> unicode() {
    Arbitrary<String> bits =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMaxLength(8),
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(5),
            Arbitraries.of(
                "'s", "'S", "'t", "'re", "'RE", "'ve", "'m", "'ll", "'Ll", "'d", "'", "'x", "'ſ",
                "'ſe", "’s"),
            Arbitraries.of(
                " ", "  ", "   ", "\t", "\n", "\r", "\r\n", "\n\n", " \n ", "\u000B", "\f",
                "\u0085", "\u00a0", "\u2028", "\u2029", "\u3000", "\u200b", "\u001c"),
            Arbitraries.of("\u0301", "\u0308", "\u0903", "\u20dd", "\u0488", "\u093f", "\u05b4"),
            Arbitraries.of(
                "支付回调", "日本語", "한국어", "Привет", "ΑΒΓδ", "مرحبا", "שלום", "हिन्दी", "ไทย", "ǅǈ",
                "ʰʲ", "ᾈ", "İı", "ß", "ﬁ", "Ⅻ", "²³", "١٢٣", "߀", "𝟎𝟏", "𝐀𝐛", "𐐀𐐨"),
            Arbitraries.of(
                "😀", "👍🏽", "🇩🇪", "\ud83d", "\ude00", "\ufffd", "\u0000", "\u007f", "©", "€"),
            Arbitraries.of(
                "/", "//", "\n/", "/\n", "{\"", "\":", "\",", ".", "...", "_", "->", "::", "-", "=",
                "$", "@#", "(", ")", "[]", "\"", "`", "，", "。", "«", "—", "…"),
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.strings().withCharRange('\u0000', '\u07ff').ofMaxLength(8));
    return bits.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  /** JSON records, log lines, diffs, code and CSV, with the values that vary in real ones. */
  static Arbitrary<String> toolOutput() {
    Arbitrary<String> word =
        Arbitraries.of(
            "order",
            "Payment",
            "timeout",
            "user_id",
            "HTTPServer",
            "don't",
            "café",
            "naïve",
            "支付",
            "ERROR",
            "WARN",
            "null",
            "true",
            "requestTimeoutMs",
            "x-request-id",
            "🚀");
    Arbitrary<String> number =
        Arbitraries.of("0", "12.50", "1e-7", "-3", "200", "0.0730", "1700000000123", "0x1F");
    Arbitrary<String> id =
        Arbitraries.strings()
            .withCharRange('a', 'f')
            .withCharRange('0', '9')
            .ofMinLength(6)
            .ofMaxLength(24);
    Arbitrary<String> value = Arbitraries.oneOf(word, number, id);
    Arbitrary<String> json =
        Arbitraries.maps(word, value)
            .ofMaxSize(6)
            .map(
                m -> {
                  StringBuilder b = new StringBuilder("{");
                  m.forEach(
                      (k, v) ->
                          b.append(b.length() > 1 ? ", " : "")
                              .append('"')
                              .append(k)
                              .append("\": \"")
                              .append(v)
                              .append('"'));
                  return b.append("}").toString();
                });
    Arbitrary<String> log =
        Combinators.combine(
                Arbitraries.integers().between(0, 59),
                Arbitraries.of("INFO", "ERROR", "WARN", "level=debug"),
                word.list().ofMaxSize(8),
                id)
            .as(
                (s, level, words, rid) ->
                    "2026-11-21T10:00:"
                        + (s < 10 ? "0" : "")
                        + s
                        + "Z "
                        + level
                        + " "
                        + String.join(" ", words)
                        + " rid="
                        + rid);
    Arbitrary<String> diff =
        word.list()
            .ofMaxSize(5)
            .map(
                w ->
                    "@@ -12,7 +12,8 @@ class A {\n-  "
                        + String.join(" ", w)
                        + ";\n+  "
                        + String.join("_", w)
                        + "();\n   }\n\\ No newline at end of file");
    Arbitrary<String> code =
        word.list()
            .ofMaxSize(6)
            .map(
                w ->
                    "    if (x != null && !y.isEmpty()) {\n\t\treturn "
                        + String.join(".", w)
                        + "(/* it's */ 'c', \"s\\n\");\r\n    }   // done");
    Arbitrary<String> csv =
        Arbitraries.oneOf(word, number, id)
            .list()
            .ofMinSize(1)
            .ofMaxSize(6)
            .map(cells -> String.join(",", cells) + "\r\n");
    return Arbitraries.oneOf(json, log, diff, code, csv)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(l -> String.join("\n", l));
  }
}
