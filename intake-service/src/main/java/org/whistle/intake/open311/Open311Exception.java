package org.whistle.intake.open311;

/** An Open311 error: the HTTP status is also the {@code code} of the spec's error body. */
public class Open311Exception extends RuntimeException {

    private final int status;

    public Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
