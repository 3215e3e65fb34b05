package org.whistle.intake.evidence;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Cleans the file name a client sent so it can be kept as a label: never used as a storage name, but shown to staff
 * and put in a {@code Content-Disposition} header, so no paths, control or bidirectional-override characters.
 */
final class OriginalNames {

    static final int MAX_CODE_POINTS = 120;

    private OriginalNames() {}

    static @Nullable String sanitise(@Nullable String name) {
        if (name == null) {
            return null;
        }
        var base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var kept = new StringBuilder();
        Normalizer.normalize(base, Normalizer.Form.NFC)
                .codePoints()
                .filter(OriginalNames::printable)
                .limit(MAX_CODE_POINTS)
                .forEach(kept::appendCodePoint);
        var clean = kept.toString().strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
