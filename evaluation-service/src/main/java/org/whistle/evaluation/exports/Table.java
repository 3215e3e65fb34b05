package org.whistle.evaluation.exports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a page shows it, exported as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * Chinese) or XLSX. A cell that a spreadsheet would take for a formula (=, +, -, @ first) is written as text.
 */
public record Table(String title, List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public byte[] csv() {
        var out = new StringBuilder("\uFEFF");
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public ResponseEntity<byte[]> csvResponse() {
        return response(csv(), "csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    public ResponseEntity<byte[]> xlsxResponse() {
        var bytes = new ByteArrayOutputStream();
        Xlsx.write(this, bytes);
        return response(
                bytes.toByteArray(),
                "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private ResponseEntity<byte[]> response(byte[] body, String extension, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(title + "." + extension, StandardCharsets.UTF_8)
                .build());
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** The cell as a spreadsheet must show it: never as a formula. */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            var cell = safe(cells.get(i));
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
