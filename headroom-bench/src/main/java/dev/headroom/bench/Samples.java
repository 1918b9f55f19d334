package dev.headroom.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic inputs of a given size for each content type, shaped like the tool
 * outputs the compressors see: mostly routine lines or rows with a few errors and one answer; and a
 * user's own prose ({@link #userProse}).
 */
public final class Samples {

  /** Sentences of a user's message: commas, acronyms, numbers, no word a log line is told by. */
  private static final List<String> SENTENCES =
      List.of(
          "We moved the billing service to the new cluster last week, and since then the nightly"
              + " export has been taking about twice as long as before.",
          "The JSON it writes is the same, byte for byte, so I do not think the serializer is the"
              + " problem.",
          "What changed is the network path: the export now reads from the replica in the other"
              + " region over HTTP rather than from the local disk.",
          "I measured a few runs by hand, 41, 44 and 47 minutes, where it used to finish in 20 to"
              + " 25.",
          "Could you look at the attached design and tell me which of the three options you would"
              + " try first, and why?",
          "The team would rather not add a cache in front of the replica, because the data has to"
              + " be fresh when the finance people open it in the morning.",
          "We also have a budget for one more VM, but nobody is sure it would help if the time goes"
              + " into waiting on the network.",
          "If you need numbers from the dashboards, say which ones, and I will paste them in the"
              + " next message.",
          "Please keep the answer short: a ranked list with one or two sentences each is plenty.",
          "One more thing: the export runs at 02:00 UTC, when the replica is also taking its own"
              + " backup.");

  private Samples() {}

  /**
   * @param chars how many characters
   * @return one line of filler words ("lorem ipsum …"), on which the check that a text is the
   *     user's own prose is cheap
   */
  public static String filler(int chars) {
    return "lorem ipsum ".repeat(chars / 12 + 1).substring(0, chars);
  }

  /**
   * @param text the user's text
   * @return a chat completions request for gpt-4o whose only message is {@code text} from the user,
   *     escaped in its JSON string as every client sends it
   */
  public static String userRequest(String text) {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(text))
        + "\"}]}";
  }

  /**
   * @param bytes about how many characters
   * @param wrapped whether the lines are broken at 72 columns, as a message written in an editor;
   *     otherwise each paragraph is one line, as typed into a chat box
   * @return a user's message: paragraphs of four sentences of ordinary English (commas, acronyms,
   *     numbers, no word a log line is told by), separated by blank lines
   */
  public static String userProse(int bytes, boolean wrapped) {
    StringBuilder text = new StringBuilder(bytes + 200);
    int column = 0;
    for (int i = 0; text.length() < bytes; i++) {
      for (String word : SENTENCES.get(i % SENTENCES.size()).split(" ")) {
        if (column > 0 && (!wrapped || column + 1 + word.length() <= 72)) {
          text.append(' ');
          column++;
        } else if (column > 0) {
          text.append('\n');
          column = 0;
        }
        text.append(word);
        column += word.length();
      }
      if (i % 4 == 3) {
        text.append("\n\n");
        column = 0;
      }
    }
    text.setLength(bytes);
    return text.toString();
  }

  /**
   * @param type one of log, json_array, json_object, search, diff, table, html, code
   * @param bytes the approximate size
   * @return the content
   */
  public static String of(String type, int bytes) {
    Random rnd = new Random(42);
    StringBuilder b = new StringBuilder(bytes + 1024);
    switch (type) {
      case "log" -> {
        int i = 0;
        while (b.length() < bytes) {
          String level = i % 97 == 13 ? "ERROR" : i % 23 == 5 ? "WARN " : "INFO ";
          b.append(
              String.format(
                  "2024-06-11T14:%02d:%02d.%03dZ %s [http] GET /api/orders/ord_%06d %d %.1fms reqId=r-%08x%n",
                  (i / 60) % 60,
                  i % 60,
                  i % 1000,
                  level,
                  rnd.nextInt(1_000_000),
                  level.startsWith("E") ? 500 : 200,
                  rnd.nextDouble() * 100,
                  rnd.nextInt()));
          if (level.startsWith("E")) {
            b.append(
                "    at formatTotal (/srv/app/dist/orders/format.js:41:29)\n    at Array.map (<anonymous>)\n");
          }
          i++;
        }
      }
      case "json_array" -> {
        b.append("[\n");
        int i = 0;
        while (b.length() < bytes) {
          b.append(i == 0 ? "" : ",\n")
              .append("  {\"id\": \"ch_")
              .append(100000 + i)
              .append("\", \"amount\": ")
              .append(rnd.nextInt(90000) + 100)
              .append(".50, \"currency\": \"eur\", \"status\": \"")
              .append(i % 151 == 77 ? "failed" : "succeeded")
              .append("\", \"metadata\": {\"order_id\": \"A-")
              .append(10000 + i)
              .append("\", \"channel\": \"web\"}, \"created\": ")
              .append(1718000000 + i * 37)
              .append('}');
          i++;
        }
        b.append("\n]");
      }
      case "json_object" -> {
        b.append("{\"apiVersion\": \"v1\", \"regions\": {");
        int i = 0;
        while (b.length() < bytes) {
          b.append(i == 0 ? "" : ", ").append("\"region-").append(i).append("\": {\"cells\": {");
          for (int c = 0; c < 3; c++) {
            b.append(c == 0 ? "" : ", ")
                .append("\"cell-")
                .append((char) ('a' + c))
                .append("\": {\"pool\": {\"poolName\": \"ledger-")
                .append(i)
                .append('-')
                .append(c)
                .append("\", \"maxPoolSize\": ")
                .append(rnd.nextInt(200))
                .append(", \"idleTimeout\": \"30s\", \"hosts\": [\"db-")
                .append(i)
                .append("-a.internal\", \"db-")
                .append(i)
                .append("-b.internal\"]}}");
          }
          b.append("}}");
          i++;
        }
        b.append("}}");
      }
      case "search" -> {
        int i = 0;
        while (b.length() < bytes) {
          b.append("src/components/Widget")
              .append(i / 8)
              .append(".tsx:")
              .append((i % 8) * 10 + 1)
              .append(":  const value")
              .append(i)
              .append(" = useFeatureFlag('other.flag.")
              .append(rnd.nextInt(50))
              .append("');\n");
          i++;
        }
      }
      case "diff" -> {
        int f = 0;
        while (b.length() < bytes) {
          b.append("diff --git a/src/m")
              .append(f)
              .append(".ts b/src/m")
              .append(f)
              .append(".ts\n--- a/src/m")
              .append(f)
              .append(".ts\n+++ b/src/m")
              .append(f)
              .append(".ts\n@@ -1,40 +1,40 @@\n");
          for (int l = 0; l < 40; l++) {
            if (l == 20) {
              b.append("-  requestTimeoutMs: 30000,\n+  requestTimeoutMs: 3000,\n");
            } else {
              b.append("   const line")
                  .append(l)
                  .append(" = compute(")
                  .append(rnd.nextInt(1000))
                  .append(");\n");
            }
          }
          f++;
        }
      }
      case "table" -> {
        b.append("sku,warehouse,on_hand,price\n");
        int i = 0;
        while (b.length() < bytes) {
          b.append("QF-")
              .append(10000 + i)
              .append(",MAD")
              .append(i % 4)
              .append(',')
              .append(i == 4242 ? -12 : rnd.nextInt(500))
              .append(',')
              .append(rnd.nextInt(90) + 1)
              .append(".10\n");
          i++;
        }
      }
      case "html" -> {
        b.append(
            "<!doctype html><html><head><title>Docs</title><style>.a{color:red}</style></head><body><nav><a href=/>Home</a></nav><main>");
        int i = 0;
        while (b.length() < bytes) {
          b.append("<h2>Section ")
              .append(i)
              .append("</h2><p>By default at most <code>")
              .append(rnd.nextInt(500))
              .append(
                  "</code> requests are in flight per worker; excess requests are rejected with HTTP 429.</p>")
              .append("<script>window.dataLayer.push({event:'view',id:")
              .append(i)
              .append("})</script>");
          i++;
        }
        b.append("</main></body></html>");
      }
      case "code" -> {
        b.append("package gateway\n\nimport (\n\t\"math\"\n\t\"time\"\n)\n\n");
        int i = 0;
        while (b.length() < bytes) {
          b.append("// Handler")
              .append(i)
              .append(" serves resource ")
              .append(i)
              .append(".   \n")
              .append("func (s *Server) Handler")
              .append(i)
              .append("(now time.Time) float64 {\n\treturn math.Min(1, float64(now.Unix()%")
              .append(i + 7)
              .append("))\n}\n\n\n\n");
          i++;
        }
      }
      default -> throw new IllegalArgumentException("unknown sample type: " + type);
    }
    return b.toString();
  }
}
