package org.whistle.systemtests;

/**
 * The demo city's test points ({@code demo/README.md}): where whistles are raised, and who answers for the place —
 * its street and district command centres, the units a ticket there summons.
 */
public enum Place {
    /** P1: 甘南县文明大街与农机路交叉路口 in 繁荣社区, where 李淑霞 saw the damaged road. */
    CROSSING(
            47.9218,
            123.5046,
            "230225100001001",
            "230225100",
            "230225",
            "QQ-230225100-ZHZX",
            "QQ-230225-ZHZX",
            "QQ-230225-ZJJ-LZG",
            "QQ-230225100001-JWH",
            "MUNICIPAL-ROAD-DAMAGE"),
    /** P2: inside 将军府小区 (建华区). */
    JIANGJUNFU(
            47.356255,
            123.962613,
            "230203003001003001",
            "230203003",
            "230203",
            "QQ-230203003-ZHZX",
            "QQ-230203-ZHZX",
            "QQ-230203003001003-YWH",
            "QQ-230203003001003-WY",
            "PROPERTY-GARAGE-FLOODING"),
    /** P3: inside 永青小区 (龙沙区 湖滨街道), whose old bike sheds blocked the way. */
    YONGQING(
            47.338720,
            123.953614,
            "230202002001003001",
            "230202002",
            "230202",
            "QQ-230202002-ZHZX",
            "QQ-230202-ZHZX",
            "QQ-230202002001003-WY",
            "QQ-230202-CGJ",
            "PROPERTY-SHED-ENCROACHMENT");

    public static final String CITY = "230200";
    public static final String CITY_CENTRE = "QQ-230200-ZHZX";

    public final double lat;
    public final double lng;
    public final String grid;
    public final String street;
    public final String district;
    public final String streetCentre;
    public final String districtCentre;
    /** The unit a ticket here summons as lead in these tests. */
    public final String leadUnit;
    /** The unit it summons beside the lead. */
    public final String coUnit;
    /** What is raised here unless a test says otherwise. */
    public final String category;

    Place(
            double lat,
            double lng,
            String grid,
            String street,
            String district,
            String streetCentre,
            String districtCentre,
            String leadUnit,
            String coUnit,
            String category) {
        this.lat = lat;
        this.lng = lng;
        this.grid = grid;
        this.street = street;
        this.district = district;
        this.streetCentre = streetCentre;
        this.districtCentre = districtCentre;
        this.leadUnit = leadUnit;
        this.coUnit = coUnit;
        this.category = category;
    }
}
