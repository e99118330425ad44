package org.contacthub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** A forms API on loopback that answers every submissions request with one fixed page. */
public final class FormsApiStub {

    /** A page with no submissions and nothing more to read. */
    public static final String EMPTY_PAGE = "{\"items\":[],\"hasMore\":false}";

    private FormsApiStub() {}

    /** Starts a stub answering every poll with the given page. */
    public static WireMockServer answering(String page) {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(page)));
        return server;
    }
}
