package org.lotledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lotledger.platform.ProblemDetailsAdvice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The checks at the door that need no handler, made before any work (ADR 0009): for every /api request, query
 * parameters without control characters; for every write, an {@code Idempotency-Key} (400), an answer the client accepts (JSON or problem+json,
 * else 406), a JSON body or none (else 415), at most {@code lotledger.web.max-body-bytes} (else 413). The body is
 * read once and kept, so the idempotency fingerprint sees exactly what the handler parsed. Runs after Spring
 * Security: an anonymous caller learns nothing but 401.
 */
public class ApiEdgeFilter extends OncePerRequestFilter {

    private static final String BODY = ApiEdgeFilter.class.getName() + ".body";
    private static final List<MediaType> ANSWERS =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final ObjectMapper json;
    private final int maxBodyBytes;

    public ApiEdgeFilter(ObjectMapper json, @Value("${lotledger.web.max-body-bytes:1048576}") int maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = IdempotentWrites.isWrite(request.getMethod());
        if (write && request.getContentType() != null && !isJson(request.getContentType())) {
            // before anything reads parameters: that would parse a form body
            refuse(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Send the request body as Content-Type: application/json.");
            return;
        }
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            for (String v : p.getValue()) {
                if (TextRules.hasControlCharacter(p.getKey()) || (v != null && TextRules.hasControlCharacter(v))) {
                    refuse(
                            response,
                            HttpStatus.BAD_REQUEST,
                            "CONTROL_CHARACTER",
                            "Query parameter '" + TextRules.printable(p.getKey()) + "' contains a control character.");
                    return;
                }
            }
        }
        if (!write) {
            chain.doFilter(request, response);
            return;
        }
        try {
            IdempotencyKey.check(request.getHeader(IdempotencyKey.HEADER));
        } catch (org.lotledger.common.DomainException e) {
            refuse(response, HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
            return;
        }
        if (!acceptsJson(request.getHeader("Accept"))) {
            refuse(
                    response,
                    HttpStatus.NOT_ACCEPTABLE,
                    "NOT_ACCEPTABLE",
                    "This operation answers application/json (errors application/problem+json); the Accept header allows neither.");
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            // read what the client still sends (bounded) before answering: Tomcat closes the connection after a 413,
            // and a client still writing its body would see a broken pipe instead of the answer
            drain(request.getInputStream(), 16L * maxBodyBytes);
            refuse(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "The request body is larger than " + maxBodyBytes + " bytes.");
            return;
        }
        String contentType = request.getContentType();
        if (body.length > 0 || contentType != null) {
            if (!isJson(contentType)) {
                refuse(
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "Send the request body as Content-Type: application/json.");
                return;
            }
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** The body of the current write as the client sent it (empty for a write without one). */
    static byte[] bodyOf(HttpServletRequest request) {
        Object b = request.getAttribute(BODY);
        return b instanceof byte[] bytes ? bytes : new byte[0];
    }

    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            // q=0 says "not this one"
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .anyMatch(m -> ANSWERS.stream().anyMatch(m::isCompatibleWith));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType m = MediaType.parseMediaType(contentType);
            return m.isConcrete()
                    && m.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                    && (m.getCharset() == null || m.getCharset().equals(StandardCharsets.UTF_8));
        } catch (InvalidMediaTypeException
                | java.nio.charset.UnsupportedCharsetException
                | java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(InputStream in, long max) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buf)) != -1) {
            total += n;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.problem(status, code, detail, Map.of()));
    }

    /** The request with its body served from memory, as often as it is read. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
