import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Set;

/**
 * Benchmark reference only (bench/run.sh), never part of DealRadar: the thinnest reverse proxy the gateway's own
 * libraries make (Vert.x and Netty of the gateway's jar, no Quarkus, no authentication, rate limits, logging or
 * tracing), so that the table shows what a proxy hop costs on the JVM next to what nginx and the gateway cost.
 * Forwards every request to one backend with its method, path, query, headers and body, and relays the answer.
 *
 * <p>Run with the source launcher: {@code java -cp 'gateway/target/quarkus-app/lib/main/*' bench/PlainVertxProxy.java
 * LISTEN_PORT BACKEND_PORT} (both on 127.0.0.1).
 */
public class PlainVertxProxy {

    /** Connection-level headers (RFC 9110 7.6.1) are not passed on; everything else is. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    public static void main(String[] args) {
        int listen = Integer.parseInt(args[0]);
        int backend = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        // One server instance per event loop, as Quarkus runs its HTTP server.
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new Forwarder(listen, backend), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("plain Vert.x proxy on 127.0.0.1:" + listen + " -> " + backend))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    static final class Forwarder extends AbstractVerticle {
        private final int listen;
        private final int backend;
        private HttpClient client;

        Forwarder(int listen, int backend) {
            this.listen = listen;
            this.backend = backend;
        }

        @Override
        public void start(io.vertx.core.Promise<Void> started) {
            client = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(backend),
                    new PoolOptions().setHttp1MaxSize(64));
            vertx.createHttpServer()
                    .requestHandler(this::forward)
                    .listen(listen, "127.0.0.1")
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        private void forward(HttpServerRequest in) {
            in.pause();
            RequestOptions options =
                    new RequestOptions().setMethod(in.method()).setURI(in.uri()).setHeaders(passed(in.headers()));
            client.request(options)
                    .compose(out -> {
                        in.resume();
                        return out.send(in);
                    })
                    .onSuccess(answer -> {
                        in.response().setStatusCode(answer.statusCode());
                        in.response().headers().setAll(passed(answer.headers()));
                        in.response().setChunked(answer.getHeader("Content-Length") == null);
                        answer.pipeTo(in.response());
                    })
                    .onFailure(e -> {
                        if (!in.response().ended()) {
                            in.response().setStatusCode(502).end();
                        }
                    });
        }

        private static MultiMap passed(MultiMap headers) {
            MultiMap kept = MultiMap.caseInsensitiveMultiMap();
            headers.forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                    kept.add(h.getKey(), h.getValue());
                }
            });
            return kept;
        }
    }
}
