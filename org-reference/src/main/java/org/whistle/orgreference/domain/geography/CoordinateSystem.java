package org.whistle.orgreference.domain.geography;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The geographic coordinate systems a location may arrive in; only {@link #WGS84} is ever stored. */
public enum CoordinateSystem {
    /** WGS-84, which agrees with CGCS2000 to centimetres: satellite receivers give it, and it is what we store. */
    WGS84,
    /** GCJ-02, the state-mandated obfuscation of WGS-84 inside China: WeChat, AMap and Tencent Maps give it. */
    GCJ02,
    /** BD-09, Baidu's further offset of GCJ-02: Baidu Maps gives it. */
    BD09;

    /**
     * Parses the name an API client sends ({@code "WGS84"}, {@code "GCJ02"}, {@code "BD09"}, any case).
     *
     * @throws IllegalArgumentException naming the accepted values when the name is not one of them
     */
    public static CoordinateSystem parse(String name) {
        var normalised = name.strip().toUpperCase(Locale.ROOT);
        for (var system : values()) {
            if (system.name().equals(normalised)) {
                return system;
            }
        }
        throw new IllegalArgumentException("unknown coordinate system '" + name + "'; accepted: " + acceptedNames());
    }

    private static String acceptedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
