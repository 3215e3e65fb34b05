package org.whistle.events;

/** The channel a whistle came in by. */
public enum Channel {
    /** The grid workers' mobile app. */
    APP,
    /** The WeChat H5 page (e网通). */
    WECHAT,
    /** The public web page. */
    WEB,
    /** Entered by a hotline (12345) operator. */
    HOTLINE,
    /** An Open311 GeoReport v2 client. */
    OPEN311,
    /** Found on patrol by a grid worker or inspector. */
    PATROL
}
