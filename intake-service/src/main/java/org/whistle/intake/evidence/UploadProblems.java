package org.whistle.intake.evidence;

import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.whistle.problems.Violation;

/**
 * A multipart body the container cannot read — a file name with a NUL or another control character, a broken
 * boundary — is the client's error: 400 naming {@code evidence}, not a 500. A file name longer than the container reads
 * (Tomcat's part-header bound, 512 bytes for a part's name and type) is the same error, not a too-large body; a body
 * over the multipart limits is a 413. Each is a problem detail: Spring's own resolver answers these with an empty
 * error page (issue 17: the fuzzer's empty 413s for a 600-character file name).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    @ExceptionHandler
    ProblemDetail unreadable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException && !partHeaderTooLong(e)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "上传的内容过大：每个文件和一次提交的全部文件都有大小上限，请压缩或分次提交。");
            problem.setType(URI.create("urn:whistle:problem:content-too-large"));
            problem.setTitle("上传内容过大");
            problem.setProperty("errors", List.of(new Violation("evidence", "文件或请求超过允许的大小")));
            return problem;
        }
        var tooLongName = partHeaderTooLong(e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                tooLongName
                        ? "上传的文件无法读取：文件名过长，文件名和类型合计不能超过 512 字节"
                        : "上传的文件无法读取：文件名不能含控制字符，请求须是完整的 multipart/form-data");
        problem.setType(URI.create("urn:whistle:problem:malformed-request"));
        problem.setTitle("Malformed request");
        problem.setProperty("errors", List.of(new Violation("evidence", tooLongName ? "文件名过长" : "文件名含控制字符或请求体不完整")));
        return problem;
    }

    /** Tomcat's bound on a part's headers, reported as a size limit ("Header section has more than 512 bytes"). */
    private static boolean partHeaderTooLong(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
                return true;
            }
        }
        return false;
    }
}
