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
 * boundary — is the client's error: 400 naming {@code evidence}, not a 500. Too large a body keeps its 413.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    @ExceptionHandler
    ProblemDetail unreadable(MultipartException e) throws MultipartException {
        if (e instanceof MaxUploadSizeExceededException) {
            throw e;
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "上传的文件无法读取：文件名不能含控制字符，请求须是完整的 multipart/form-data");
        problem.setType(URI.create("urn:whistle:problem:malformed-request"));
        problem.setTitle("Malformed request");
        problem.setProperty("errors", List.of(new Violation("evidence", "文件名含控制字符或请求体不完整")));
        return problem;
    }
}
