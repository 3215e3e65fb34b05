package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginalNamesTest {

    @Test
    void keepsChineseNamesAsSent() {
        assertThat(OriginalNames.sanitise("井盖破损.jpg")).isEqualTo("井盖破损.jpg");
    }

    @Test
    void dropsPathsControlAndBidiCharacters() {
        assertThat(OriginalNames.sanitise("C:\\Users\\张三\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(OriginalNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(OriginalNames.sanitise("photo\r\nSet-Cookie: x.jpg")).isEqualTo("photoSet-Cookie: x.jpg");
        assertThat(OriginalNames.sanitise("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
    }

    @Test
    void treatsBlankOrDotNamesAsNoName() {
        assertThat(OriginalNames.sanitise(null)).isNull();
        assertThat(OriginalNames.sanitise("   ")).isNull();
        assertThat(OriginalNames.sanitise("dir/..")).isNull();
        assertThat(OriginalNames.sanitise("uploads/")).isNull();
    }

    @Test
    void cutsLongNames() {
        assertThat(OriginalNames.sanitise("长".repeat(500))).hasSize(OriginalNames.MAX_CODE_POINTS);
    }
}
