package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contract check is on in the shared test context and speaks up on a real exchange the document does not allow. */
@IntegrationTest
class OpenApiContractCheckTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void an_exchange_the_document_allows_passes_the_check() {
        HttpReply r = ApiClient.as(port, json, "admin").get("/api/items?active=true");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void a_request_the_application_accepts_but_the_document_does_not_fails_loudly_naming_operation_and_field() {
        // the application ignores an unknown query parameter: a client relying on it would be misled
        HttpReply r = ApiClient.as(port, json, "admin").get("/api/items?colour=red");
        assertThat(r.status()).as(r.text()).isEqualTo(500);
        assertThat(r.code()).isEqualTo(OpenApiContractFilter.CODE);
        assertThat(r.body().path("operation").asText()).isEqualTo("GET /api/items");
        assertThat(r.body().path("answered").asInt()).isEqualTo(200);
        assertThat(r.body().path("violations").get(0).asText()).contains("itemList", "colour");
    }

    @Test
    void the_check_stays_out_of_the_engine_rest_api_and_the_document_itself() {
        ApiClient erp = ApiClient.as(port, json, "erp");
        assertThat(erp.get("/engine-rest/engine?colour=red").status()).isEqualTo(200);
        assertThat(erp.get("/v3/api-docs?colour=red").status()).isEqualTo(200);
    }
}
