package org.lotledger.recall.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.lotledger.recall.MockRecallRun;
import org.lotledger.recall.MockRecalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mock recall runs (issue 11 §4, ADR 0018), started by {@code POST /api/recalls} with mode MOCK: the list, newest
 * first, and one run with its hold plan and notice list. docs/recall.md, "Mock recall".
 */
@RestController
public class MockRecallController {

    private final MockRecalls mockRecalls;

    public MockRecallController(MockRecalls mockRecalls) {
        this.mockRecalls = mockRecalls;
    }

    @GetMapping("/api/mock-recalls")
    @Operation(summary = "Mock recall runs, newest first (without their lots, hold plans and notice lists)")
    public List<MockRecallRun.Summary> list(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return mockRecalls.list(limit, offset);
    }

    @GetMapping("/api/mock-recalls/{id}")
    @Operation(
            summary =
                    "A mock recall run: scope, per-step timings, counts, the hold plan per lot and the notice list (404 UNKNOWN_MOCK_RECALL)")
    public MockRecallRun get(@PathVariable long id) {
        return mockRecalls.get(id);
    }
}
