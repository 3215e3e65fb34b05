package org.whistle.intake.evidence;

/** What a piece of evidence is to a person looking at it; each kind has its own size limit. */
public enum MediaKind {
    PHOTO,
    VIDEO
}
