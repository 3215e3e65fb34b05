package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryMediaStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsBytesInShardedFoldersAndReadsThemBack() throws IOException {
        var store = new LocalDirectoryMediaStore(root);
        var bytes = Samples.plainJpeg();

        store.put("ab/cd/0196-id.jpg", new ByteArrayInputStream(bytes), bytes.length, "image/jpeg", "unused");

        assertThat(root.resolve("ab/cd/0196-id.jpg")).hasBinaryContent(bytes);
        try (var in = store.open("ab/cd/0196-id.jpg").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (var files = Files.list(root.resolve("ab/cd"))) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void leavesNothingWhenFewerBytesArriveThanAnnounced() {
        var store = new LocalDirectoryMediaStore(root);

        assertThatThrownBy(() ->
                        store.put("ab/cd/short.jpg", new ByteArrayInputStream(new byte[10]), 11, "image/jpeg", "x"))
                .isInstanceOf(IOException.class);
        assertThat(root.resolve("ab/cd/short.jpg")).doesNotExist();
        assertThat(root.resolve("ab/cd")).isEmptyDirectory();
    }

    @Test
    void answersEmptyForMissingObjectsAndDeletesIdempotently() throws IOException {
        var store = new LocalDirectoryMediaStore(root);
        store.put("ab/cd/x.png", new ByteArrayInputStream(new byte[] {1}), 1, "image/png", "x");

        store.delete("ab/cd/x.png");
        store.delete("ab/cd/x.png");

        assertThat(store.open("ab/cd/x.png")).isEmpty();
    }

    @Test
    void refusesKeysThatWouldLeaveItsDirectory() {
        var store = new LocalDirectoryMediaStore(root);

        assertThatThrownBy(() -> store.open("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("ab/../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
