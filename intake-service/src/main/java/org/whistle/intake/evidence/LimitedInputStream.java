package org.whistle.intake.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a limit has been read, so a size that was declared too small cannot slip past a limit. */
final class LimitedInputStream extends FilterInputStream {

    /** More bytes arrived than allowed. */
    static final class OverLimit extends IOException {
        OverLimit() {
            super("over the size limit", null);
        }
    }

    private long left;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --left < 0) {
            throw new OverLimit();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            left -= n;
            if (left < 0) {
                throw new OverLimit();
            }
        }
        return n;
    }
}
