package org.whistle.events;

/** How fast a whistle must be handled; deadline policies are chosen by it (design §5). */
public enum Urgency {
    NORMAL,
    URGENT
}
