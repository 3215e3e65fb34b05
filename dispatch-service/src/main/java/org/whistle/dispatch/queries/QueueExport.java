package org.whistle.dispatch.queries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.texts.Catalogue;

/**
 * A centre's queue as a file people open in a spreadsheet: CSV (UTF-8 with a byte-order mark, so that Excel reads the
 * Chinese) or XLSX, the column names, states, levels and times in Chinese and Beijing time, categories by name. A
 * cell that a spreadsheet would read as a formula is written as text. At most {@link #MAX_ROWS} rows; a queue with
 * more ends with a line saying so.
 */
public final class QueueExport {

    /** The most rows one export holds: a year of a busy street's tickets, and a bounded answer. */
    public static final int MAX_ROWS = 5_000;

    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Catalogue WORDS = Catalogue.chinese();
    private static final List<String> COLUMNS =
            List.of("序号", "工单编号", "问题类别", "紧急程度", "状态", "层级", "上报时间（北京时间）", "最近更新（北京时间）");

    /** The rows read, and whether the queue held more than {@link #MAX_ROWS}. */
    public record Rows(List<TicketQueries.CentreQueueItem> items, boolean more) {}

    private final List<List<String>> lines;
    private final boolean more;

    private QueueExport(List<List<String>> lines, boolean more) {
        this.lines = lines;
        this.more = more;
    }

    /** The rows as people read them, categories named by {@code categoryName}. */
    public static QueueExport of(Rows rows, Function<String, String> categoryName) {
        var lines = new ArrayList<List<String>>();
        int n = 0;
        for (var item : rows.items()) {
            lines.add(List.of(
                    String.valueOf(++n),
                    item.number(),
                    categoryName.apply(item.category()),
                    WORDS.name("priority", Urgency.valueOf(item.priority())),
                    WORDS.name("ticketState", TicketState.valueOf(item.state())),
                    WORDS.name("level", CommandLevel.valueOf(item.level())),
                    time(item.raisedAt()),
                    time(item.updatedAt())));
        }
        return new QueueExport(lines, rows.more());
    }

    private static String time(Instant at) {
        return WORDS.time(at);
    }

    private String moreNote() {
        return "仅导出前 " + MAX_ROWS + " 条；请按状态、类别或单位缩小范围后再导出";
    }

    public byte[] csv() {
        var out = new StringBuilder("\uFEFF");
        line(out, COLUMNS);
        lines.forEach(l -> line(out, l));
        if (more) {
            line(out, List.of(moreNote()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("工单");
            var bold = workbook.createFont();
            bold.setBold(true);
            var heading = workbook.createCellStyle();
            heading.setFont(bold);
            var names = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                var cell = names.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(heading);
            }
            int r = 1;
            for (var line : lines) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    // Text cells: POI never makes a formula of a string, so nothing here is evaluated.
                    row.createCell(c).setCellValue(line.get(c));
                }
            }
            if (more) {
                sheet.createRow(r).createCell(0).setCellValue(moreNote());
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                // CJK text is about twice as wide as the Latin the default width is made for
                sheet.setColumnWidth(c, (c == 0 ? 6 : c >= 6 ? 22 : 16) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(c)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote on what a spreadsheet would take for a formula. */
    static String cell(String value) {
        var text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
