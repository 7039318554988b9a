package org.staffroom.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a request Tomcat refuses before Staffroom sees it (an address with an encoded slash or a
 * null character, a malformed request line): a problem document on API paths, a plain page otherwise, in
 * place of Tomcat's own error page, with the {@link SecurityHeaders} every answer carries. Everything that reaches the application goes to {@link ErrorPages}.
 */
@Component
class ContainerErrors implements TomcatContextCustomizer {

    private final MessageSource messages;

    ContainerErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * When the context starts its host has just put Tomcat's error report valve in its pipeline (which is not
     * running yet): this one takes its place.
     */
    @Override
    public void customize(org.apache.catalina.Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof Valve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new Valve(messages));
            }
        });
    }

    /**
     * What to answer to a request refused before the application sees it: a problem document on API paths, a
     * plain page otherwise (no template, as nothing of the request can be trusted to render one).
     */
    record Refusal(String contentType, String body) {

        static Refusal of(String uri, HttpStatus status, MessageSource messages) {
            String detail = message(status, messages);
            if (uri != null && uri.startsWith("/api/")) {
                return new Refusal(MediaType.APPLICATION_PROBLEM_JSON_VALUE, ProblemDocuments.json(status, detail));
            }
            return new Refusal("text/html;charset=UTF-8",
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Staffroom</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body>"
                            + "<main id=\"main\" class=\"narrow\"><h1>"
                            + HtmlUtils.htmlEscape(message("error.title", messages))
                            + "</h1><p class=\"lead\">" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">"
                            + HtmlUtils.htmlEscape(message("error.home", messages)) + "</a></p></main></body></html>");
        }

        private static String message(HttpStatus status, MessageSource messages) {
            String code = "error.status." + status.value();
            String text = message(code, messages);
            return text.equals(code) ? message("error.status.400", messages) : text;
        }

        private static String message(String code, MessageSource messages) {
            return java.util.Objects.requireNonNullElse(messages.getMessage(code, null, code, Locale.ENGLISH), code);
        }
    }

    static final class Valve extends ErrorReportValve {

        private final MessageSource messages;

        Valve(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            Refusal refusal = Refusal.of(request.getCoyoteRequest().requestURI().toString(),
                    status == null ? HttpStatus.BAD_REQUEST : status, messages);
            SecurityHeaders.write(request, response);
            try {
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                response.setContentType(refusal.contentType());
                response.setCharacterEncoding("UTF-8");
                writer.write(refusal.body());
                writer.flush();
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the answer had begun: nothing more to say
            }
        }
    }
}
