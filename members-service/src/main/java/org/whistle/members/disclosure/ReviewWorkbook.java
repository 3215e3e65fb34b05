package org.whistle.members.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workplace organisation's 评议 as an XLSX workbook (Apache POI): a title row, the column names and one row per
 * member, every text in Chinese and every time in Beijing time, as the organisation files it for its appraisal.
 */
final class ReviewWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final List<String> COLUMNS = List.of(
            "序号", "姓名", "联系电话", "报到小区", "网格", "年度积分", "完成任务（项）", "服务时长（小时）", "评议等次", "评议意见", "评议人", "评议时间（北京时间）");

    private ReviewWorkbook() {}

    static byte[] of(Reviewing.WorkplaceReviews reviews) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(reviews.year() + "年度评议");
            var bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);

            var title = sheet.createRow(0).createCell(0);
            title.setCellValue(reviews.workplaceName() + " " + reviews.year() + " 年度在职党员进小区评议");
            title.setCellStyle(heading);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));

            var names = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                var cell = names.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(heading);
            }
            int r = 2;
            for (var row : reviews.rows()) {
                write(sheet.createRow(r), r - 1, row);
                r++;
            }
            sheet.createFreezePane(0, 2);
            for (int c = 0; c < COLUMNS.size(); c++) {
                // CJK text is about twice as wide as the Latin the default width is made for
                sheet.setColumnWidth(c, c == 9 ? 40 * 256 : 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row target, int number, Reviewing.Row row) {
        target.createCell(0).setCellValue(number);
        target.createCell(1).setCellValue(row.name());
        target.createCell(2).setCellValue(row.phone());
        target.createCell(3).setCellValue(row.compoundName());
        target.createCell(4).setCellValue(row.gridName() == null ? "未分配" : row.gridName());
        target.createCell(5).setCellValue(row.score());
        target.createCell(6).setCellValue(row.tasksDone());
        target.createCell(7).setCellValue(row.hours().doubleValue());
        target.createCell(8).setCellValue(row.gradeLabel() == null ? "未评议" : row.gradeLabel());
        target.createCell(9).setCellValue(row.comment() == null ? "" : row.comment());
        target.createCell(10).setCellValue(row.reviewer() == null ? "" : row.reviewer());
        target.createCell(11)
                .setCellValue(
                        row.reviewedAt() == null
                                ? ""
                                : WHEN.format(row.reviewedAt().atZone(BEIJING)));
    }
}
