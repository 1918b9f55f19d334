package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asked where a symbol is defined, or for the symbol alone, over search hits full of its usages:
 * the declaration survives in each language's shape, and a large result still shrinks by 80%.
 */
class DefinitionsInSearchHitsTest {

  private static final Compressor COMPRESSOR = Compressor.create();

  /** Hundreds of usages of {@code symbol} across files, and its one declaration among them. */
  private static String hits(String symbol, String file, String declaration, long seed) {
    Random random = new Random(seed);
    String[] files = {
      "src/orders/OrderService", "src/orders/OrderController", "src/admin/AdminPanel",
      "src/reports/ReportJob", "test/orders/OrderServiceTest", "src/billing/Invoices"
    };
    String ext = file.substring(file.lastIndexOf('.'));
    // The declaring file has many usages too: its first hit is one of them, not the declaration.
    files[0] = file.substring(0, file.lastIndexOf('.'));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      String usage =
          switch (random.nextInt(4)) {
            case 0 -> "        var found = repository." + symbol + "(request.id());";
            case 1 -> "    assertThat(service." + symbol + "(" + i + ")).isPresent();";
            case 2 -> "        return " + symbol + "(ids.get(" + i + "));";
            default -> "            .map(this::" + symbol + ")";
          };
      lines.add(
          files[random.nextInt(files.length)]
              + ext
              + ":"
              + (10 + random.nextInt(900))
              + ":"
              + usage);
    }
    // rg prints a file's hits together: the declaration goes among its own file's usages.
    lines.sort((a, b) -> a.substring(0, a.indexOf(':')).compareTo(b.substring(0, b.indexOf(':'))));
    int at = 0;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < 12; i++) {
      if (lines.get(i).startsWith(file + ":")) {
        at = i + 1;
        seen++;
      }
    }
    lines.add(at, file + ":" + (20 + random.nextInt(200)) + ":" + declaration);
    return String.join("\n", lines) + "\n";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "findInvoice|src/billing/InvoiceRepository.java|    public Optional<Invoice> findInvoice(long invoiceId) {",
        "findInvoice|src/billing/InvoiceStore.java|    Optional<Invoice> findInvoice(long invoiceId);",
        "FindInvoice|src/Billing/InvoiceRepository.cs|        public async Task<Invoice?> FindInvoiceAsync(long invoiceId)",
        "findInvoice|src/billing/InvoiceRepository.kt|    override suspend fun findInvoice(invoiceId: Long): Invoice? {",
        "FindInvoice|internal/billing/repository.go|func (r *Repository) FindInvoice(ctx context.Context, id int64) (*Invoice, error) {",
        "find_invoice|billing/repository.py|    def find_invoice(self, invoice_id: int) -> Invoice | None:",
        "find_invoice|src/billing/repository.rs|    pub fn find_invoice(&self, invoice_id: u64) -> Option<Invoice> {",
        "findInvoice|src/billing/repository.ts|  async findInvoice(invoiceId: string): Promise<Invoice | undefined> {",
        "findInvoice|src/billing/repository.ts|export const findInvoice = async (invoiceId: string) => {"
      })
  void theDeclarationSurvivesAmongItsUsages(String symbol, String file, String declaration) {
    for (String query :
        new String[] {
          "where is " + symbol + " defined?", symbol, "show me the implementation of " + symbol
        }) {
      String text = hits(symbol, file, declaration, query.hashCode());
      Compressed compressed =
          (Compressed) COMPRESSOR.compress(text, CompressContext.ofQuery(query));
      assertTrue(
          compressed.text().contains(declaration),
          "\"" + query + "\" must keep " + declaration + "\n" + compressed.text());
      assertTrue(
          compressed.compressedTokens() < compressed.originalTokens() * 0.2,
          compressed.originalTokens() + " -> " + compressed.compressedTokens());
    }
  }
}
