package org.whistle.orgregistry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.RowError;
import org.whistle.texts.Phrase;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * A CSV file read whole: UTF-8 (a byte-order mark is tolerated), RFC 4180 quoting, a header row naming columns.
 * A missing required column, a row with the wrong number of cells or a cell longer than
 * {@link TextBounds#CSV_CELL} rejects the file before any row is looked at; each record's own checks bound its
 * fields more tightly.
 */
public final class CsvTable {

    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final String file;
    private final List<ImportRow> rows;

    private CsvTable(String file, List<ImportRow> rows) {
        this.file = file;
        this.rows = rows;
    }

    public static CsvTable read(String file, InputStream content, List<String> requiredColumns) {
        try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
            return parse(file, reader, requiredColumns);
        } catch (IOException e) {
            throw new ImportRejectedException(
                    List.of(new RowError(file, 1, null, Phrase.of("orgregistry.refusal.importUnreadable"))));
        }
    }

    public static CsvTable read(String file, String content, List<String> requiredColumns) {
        return parse(file, new java.io.StringReader(content), requiredColumns);
    }

    private static CsvTable parse(String file, Reader reader, List<String> requiredColumns) {
        List<String[]> lines;
        try (var values = CSV.readerFor(String[].class).readValues(reader)) {
            lines = new ArrayList<>();
            while (values.hasNextValue()) {
                lines.add((String[]) values.nextValue());
            }
        } catch (JacksonException e) {
            throw new ImportRejectedException(
                    List.of(new RowError(file, 1, null, Phrase.of("orgregistry.refusal.importNotCsv"))));
        }
        if (lines.isEmpty()) {
            throw new ImportRejectedException(
                    List.of(new RowError(file, 1, null, Phrase.of("orgregistry.refusal.importNoHeader"))));
        }
        var header = lines.getFirst();
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.length; i++) {
            index.put(stripBom(header[i]).trim(), i);
        }
        var errors = new ArrayList<RowError>();
        for (var column : requiredColumns) {
            if (!index.containsKey(column)) {
                errors.add(new RowError(file, 1, column, Phrase.of("orgregistry.refusal.importMissingColumn")));
            }
        }
        var rows = new ArrayList<ImportRow>();
        for (int n = 1; n < lines.size(); n++) {
            var cells = lines.get(n);
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            if (cells.length != header.length) {
                errors.add(new RowError(
                        file,
                        n + 1,
                        null,
                        Phrase.of("orgregistry.refusal.importCells", "cells", cells.length, "header", header.length)));
                continue;
            }
            var tooLong = false;
            for (var entry : index.entrySet()) {
                if (cells[entry.getValue()].length() > TextBounds.CSV_CELL) {
                    errors.add(new RowError(
                            file,
                            n + 1,
                            entry.getKey(),
                            Phrase.of("refusal.atMostCharacters", "max", TextBounds.CSV_CELL)));
                    tooLong = true;
                }
            }
            if (tooLong) {
                continue;
            }
            var values = new HashMap<String, String>();
            index.forEach((column, i) -> values.put(column, cells[i]));
            rows.add(new ImportRow(file, n + 1, Map.copyOf(values)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new CsvTable(file, List.copyOf(rows));
    }

    private static String stripBom(String cell) {
        return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    }

    public String file() {
        return file;
    }

    public List<ImportRow> rows() {
        return rows;
    }
}
