package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

class EvidenceResponsesTest {

    private static final byte[] BYTES = "0123456789".getBytes();

    @Test
    void servesMediaInlineUnderItsChineseNameWithoutSniffingAndOnlyPrivatelyCached() throws IOException {
        var response = EvidenceResponses.inline(media("井盖破损 东门.jpg"));

        var headers = response.getHeaders();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(headers.getContentType()).hasToString("image/jpeg");
        assertThat(headers.getContentLength()).isEqualTo(10);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"____ __.jpg\"; "
                        + "filename*=UTF-8''%E4%BA%95%E7%9B%96%E7%A0%B4%E6%8D%9F%20%E4%B8%9C%E9%97%A8.jpg");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getCacheControl()).isEqualTo("max-age=3600, private");
        assertThat(headers.getETag()).isEqualTo("\"" + "a".repeat(64) + "\"");
        assertThat(body(response)).isEqualTo(BYTES);
    }

    @Test
    void namesMediaWithoutAnOriginalNameByItsId() {
        var response = EvidenceResponses.inline(media(null));

        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"0196-id.jpg\"; filename*=UTF-8''0196-id.jpg");
    }

    @Test
    void answersASingleByteRangeWithPartialContent() throws IOException {
        var response = EvidenceResponses.inline(media("a.jpg"), "bytes=2-5");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 2-5/10");
        assertThat(response.getHeaders().getContentLength()).isEqualTo(4);
        assertThat(body(response)).isEqualTo("2345".getBytes());
        assertThat(body(EvidenceResponses.inline(media("a.jpg"), "bytes=-3"))).isEqualTo("789".getBytes());
        assertThat(body(EvidenceResponses.inline(media("a.jpg"), "bytes=7-"))).isEqualTo("789".getBytes());
    }

    @Test
    void refusesRangesBeyondTheEndAndIgnoresMultipleRanges() throws IOException {
        var beyond = EvidenceResponses.inline(media("a.jpg"), "bytes=10-");
        var several = EvidenceResponses.inline(media("a.jpg"), "bytes=0-1,4-5");

        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(beyond.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */10");
        assertThat(several.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(several)).isEqualTo(BYTES);
    }

    private static StoredMedia media(@Nullable String originalName) {
        return new StoredMedia(
                "0196-id",
                "image/jpeg",
                MediaKind.PHOTO,
                BYTES.length,
                "a".repeat(64),
                originalName,
                true,
                "resident-1",
                null,
                new ByteArrayInputStream(BYTES));
    }

    private static byte[] body(ResponseEntity<StreamingResponseBody> response) throws IOException {
        var out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);
        return out.toByteArray();
    }
}
