package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.spi.JNode.JObject;
import dev.headroom.compress.internal.spi.JNode.JString;
import dev.headroom.compress.internal.text.Query;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summary of the dropped rows: which fields, in which order, with which counts. */
class RowSummaryTest {

  @Test
  void fieldsAreNamedInTheOrderTheFirstDroppedRowHoldsThem() {
    List<JNode> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String status = i % 10 < 7 ? "shipped" : "pending";
      // The first row (always kept) names status before currency; every dropped row the other way
      // round.
      rows.add(
          i == 0
              ? row(List.of("id", "status", "currency"), "o_" + i, status, "eur")
              : row(List.of("id", "currency", "status"), "o_" + i, "eur", status));
    }
    RowSelector.Selection selection = RowSelector.select(rows, Query.parse(""));
    assertArrayEquals(new int[] {0, 99}, selection.keep());
    // Rows 1-98: 69 shipped, 29 pending; ids have more than five values and are never summarised.
    assertEquals("currency: eur 98; status: shipped 69, pending 29", selection.summary());
  }

  @Test
  void aTableSummaryCountsOnlyTheRowsLeftOutAndTakesAnyHeaderName() {
    List<String> lines = new ArrayList<>();
    List<String> header = List.of("sku", "status.code", "zone");
    Columns cells = Columns.forTable(header, 100);
    for (int i = 0; i < 100; i++) {
      // Not HTTP statuses: a status column of those keeps its 4xx rows (a rule of its own).
      String code = i % 10 < 7 ? "ok" : "held";
      String line = "QF-" + i + "," + code + ",eu";
      lines.add(line);
      cells.startRow(i);
      // Each cell a range of its row's line, as the table compressor hands them over.
      int first = line.indexOf(',');
      int second = line.indexOf(',', first + 1);
      cells.cell(0, line, 0, first);
      cells.cell(1, line, first + 1, second);
      cells.cell(2, line, second + 1, line.length());
    }
    RowSelector.Selection selection =
        RowSelector.selectTable(String.join("\n", lines), lines, cells, Query.parse(""), 3);
    assertArrayEquals(new int[] {0, 1, 2, 99}, selection.keep());
    // Rows 3-98 are left out: 67 ok, 29 held. A dot in a header is just part of its name.
    assertEquals("status.code: ok 67, held 29; zone: eu 96", selection.summary());
  }

  private static JNode row(List<String> keys, String... values) {
    List<JNode> nodes = new ArrayList<>();
    for (String v : values) {
      nodes.add(new JString(v));
    }
    return new JObject(keys, nodes);
  }
}
