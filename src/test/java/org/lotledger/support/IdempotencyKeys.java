package org.lotledger.support;

import java.util.Set;
import java.util.UUID;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The test clients' convention for the door (ADR 0009): every write to {@code /api} that a test sends without an
 * {@code Idempotency-Key} gets a fresh one, as a real client would send, so tests about something else need not
 * say it. A test that means to send no key sets the header to {@link #NONE}; one that tests replays sets its own.
 * Applied to the suite's {@code TestRestTemplate} (this component is in the one test context) and used by
 * {@link ApiClient}.
 */
@Component
public class IdempotencyKeys implements RestTemplateCustomizer {

    /** Header value meaning "send this write without an Idempotency-Key". */
    public static final String NONE = "<no-idempotency-key>";

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public void customize(org.springframework.web.client.RestTemplate rest) {
        rest.getInterceptors().add((request, body, execution) -> {
            if (WRITES.contains(request.getMethod())
                    && request.getURI().getPath().startsWith("/api/")) {
                String key = request.getHeaders().getFirst("Idempotency-Key");
                if (NONE.equals(key)) {
                    request.getHeaders().remove("Idempotency-Key");
                } else if (key == null) {
                    request.getHeaders().set("Idempotency-Key", fresh());
                }
            }
            return execution.execute(request, body);
        });
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** What a client sends for {@code key}: a fresh key for null, none for {@link #NONE}, else the key. */
    public static String forWrite(String key) {
        return key == null ? fresh() : NONE.equals(key) ? null : key;
    }
}
