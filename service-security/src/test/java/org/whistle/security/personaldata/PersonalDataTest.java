package org.whistle.security.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksAPhoneToItsFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.phone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.phone("1234")).isEqualTo("****");
        assertThat(PersonalData.phone(null)).isNull();
    }

    @Test
    void masksANameToItsFirstAndLastCharacter() {
        assertThat(PersonalData.name("张桂兰")).isEqualTo("张*兰");
        assertThat(PersonalData.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(PersonalData.name("王五")).isEqualTo("王*");
        assertThat(PersonalData.name("黄")).isEqualTo("*");
        assertThat(PersonalData.name("𠀋𠀌𠀍")).isEqualTo("𠀋*𠀍");
        assertThat(PersonalData.name(null)).isNull();
    }

    @Test
    void masksPhonesWrittenIntoTextHoweverTheyAreWritten() {
        assertThat(PersonalData.phonesIn("请联系13812345678张先生")).isEqualTo("请联系138****5678张先生");
        assertThat(PersonalData.phonesIn("电话 138 1234 5678，或 +86-139-0000-0013"))
                .isEqualTo("电话 138****5678，或 139****0013");
        assertThat(PersonalData.phonesIn("008615912345678")).isEqualTo("159****5678");
    }

    @Test
    void leavesNumbersThatAreNotMobilePhonesAlone() {
        var text = "工单 QQHR-20260521-000123，网格 230225100001001，座机 0452-2712345，12345678901";
        assertThat(PersonalData.phonesIn(text)).isEqualTo(text);
        assertThat(PersonalData.holdsPhone(text)).isFalse();
        assertThat(PersonalData.holdsPhone("call 13812345678")).isTrue();
    }
}
