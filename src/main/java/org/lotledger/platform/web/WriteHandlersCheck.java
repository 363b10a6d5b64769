package org.lotledger.platform.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when a write handler cannot go through the door: {@link IdempotentWrites} stores and replays
 * the answer a handler returns, so a POST, PUT, PATCH or DELETE handler returns a {@link ResponseEntity} and is
 * declared with {@code @PostMapping} (and the like), which is what the door's pointcut matches.
 */
@Component
class WriteHandlersCheck {

    private final RequestMappingHandlerMapping mappings;

    WriteHandlersCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @EventListener(ContextRefreshedEvent.class)
    void check() {
        List<String> wrong = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getMethodsCondition().getMethods().stream()
                        .anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS))
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("org.lotledger"))
                .filter(e -> !ResponseEntity.class.isAssignableFrom(
                                e.getValue().getMethod().getReturnType())
                        || !(e.getValue().hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class)
                                || e.getValue()
                                        .hasMethodAnnotation(org.springframework.web.bind.annotation.PutMapping.class)
                                || e.getValue()
                                        .hasMethodAnnotation(org.springframework.web.bind.annotation.PatchMapping.class)
                                || e.getValue()
                                        .hasMethodAnnotation(
                                                org.springframework.web.bind.annotation.DeleteMapping.class)))
                .map(e -> e.getValue().toString())
                .sorted()
                .toList();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Write handlers that bypass the idempotency door (ADR 0009): " + wrong);
        }
    }
}
