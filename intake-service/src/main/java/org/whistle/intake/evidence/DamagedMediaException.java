package org.whistle.intake.evidence;

/** The bytes start like an accepted format but do not hold together (truncated, lengths out of bounds). */
final class DamagedMediaException extends Exception {

    DamagedMediaException(String message) {
        super(message);
    }
}
