package com.dealradar.platform.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No HTTP/2 over cleartext ({@code Upgrade: h2c} or prior knowledge), decided deliberately: the services sit
 * behind the Ingress and talk HTTP/1.1 to it and to each other, so h2c buys nothing here, while an h2c upgrade
 * that a proxy forwards without understanding it opens a tunnel past the proxy's routing and checks ("h2c
 * smuggling"). An upgrade request is served as the plain HTTP/1.1 request it also is. HTTP/2 over TLS (ALPN)
 * is unaffected.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
