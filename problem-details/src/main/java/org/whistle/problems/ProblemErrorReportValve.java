package org.whistle.problems;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page, as a problem detail. Tomcat answers some requests before Spring sees them — an address with
 * invalid UTF-8, an encoded backslash or a request line too long — and its own valve writes an HTML page for those,
 * so a client that reads problem details got HTML.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var body = ContainerProblems.json(status, CallerLanguage.of(request.getHeader("Accept-Language")));
        try {
            response.setContentType(ContainerProblems.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was already being written: there is no one to tell.
        }
    }
}
