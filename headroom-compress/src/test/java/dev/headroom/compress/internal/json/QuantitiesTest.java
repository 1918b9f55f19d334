package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({
    "97.5%, 97.5, 1",
    "3950m, 3.95, 2",
    "1870Mi, 1960837120, 4",
    "14G, 14000000000, 4",
    "4.0K, 4000, 4",
    "7.41GiB, 7956426915.84, 4",
    "880kB, 880000, 4",
    "0B, 0, 4",
    "812ms, 0.812, 8",
    "57s, 57, 8",
    "-3%, -3, 1"
  })
  void aNumberAndItsUnitAreScaledAndKnownByKind(String cell, double value, int kind) {
    Quantities.Quantity read = Quantities.read(cell, 0, cell.length());
    assertEquals(value, read.value(), Math.abs(value) * 1e-12);
    assertEquals(kind, read.kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"3d", "2h17m", "v1.2", "m", "Mi", "12x", "1.2.3G", "12 Mi", "1e3xyzB", ""})
  void anythingElseIsNoQuantity(String cell) {
    assertNull(Quantities.read(cell, 0, cell.length()), cell);
  }

  @Test
  void aRangeOfALineIsReadWithoutTheRest() {
    String line = "pod-a   3950m   1870Mi";
    assertEquals(3.95, Quantities.read(line, 8, 13).value(), 1e-12);
  }

  /** Cells of a one-column table, read as {@link Columns} reads a table's cells. */
  private static Columns.Column column(List<String> cells) {
    Columns table = Columns.forTable(List.of("value"), cells.size());
    for (int r = 0; r < cells.size(); r++) {
      table.startRow(r);
      table.cell(0, cells.get(r), 0, cells.get(r).length());
    }
    return table.all().get(0);
  }

  @Test
  void aColumnOfOneKindOfUnitIsReadAsNumbers() {
    Columns.Column cpu = column(List.of("12m", "3950m", "2", "250m"));
    assertEquals(0.012, cpu.numbers[0], 1e-12);
    assertEquals(3.95, cpu.numbers[1], 1e-12);
    assertEquals(2.0, cpu.numbers[2]);
  }

  @Test
  void aColumnMixingKindsOfUnitsReadsOnlyItsPlainNumbers() {
    // kubectl get events' LAST SEEN: minutes and seconds, not millicores.
    Columns.Column seen = column(List.of("41m", "57s", "2h17m", "12"));
    assertTrue(Double.isNaN(seen.numbers[0]));
    assertTrue(Double.isNaN(seen.numbers[1]));
    assertTrue(Double.isNaN(seen.numbers[2]));
    assertEquals(12.0, seen.numbers[3]);
  }
}
