package com.dealradar.platform.http;

import static io.vertx.core.http.HttpVersion.HTTP_2;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.dealradar.platform.problem.Problem;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * HTTP/1 framing checks that must happen while the request is parsed, below Vert.x's router, installed on
 * every HTTP server of the process once it listens:
 * <ul>
 * <li>{@code Content-Length} together with {@code Transfer-Encoding} (Netty would silently drop the length and
 * read the body as chunked: the request-smuggling pattern when a proxy in front reads it the other way): 400,
 * connection closed;</li>
 * <li>obsolete line folding (a header line starting with a space or tab, RFC 9112 5.2): 400, connection closed;</li>
 * <li>an HTTP version other than 1.x in the request line ({@code HTTP/2.0}: Vert.x answered it, echoing that version
 * in its status line): 400, connection closed; {@code HTTP/1.2} and later minor versions are read and answered as
 * HTTP/1.1 (RFC 9110 2.5);</li>
 * <li>every answer Vert.x or Quarkus sends with an empty body for a request it cannot parse (bare LF, a request
 * line over the limit: 414, headers over the limit: 431, bad percent-encoding: 400) gets the problem body every
 * other answer has;</li>
 * <li>a connection closed after an error answer is closed gracefully ("lingering close", as nginx and Apache do): the
 * answer is sent, then the end of our stream, and what the client still sends (the rest of a body that was refused)
 * is read and dropped until it closes its side or {@link #LINGER} has passed. Closing at once with unread bytes in
 * the socket makes the kernel reset the connection, and a client still writing its body (Java's HttpClient, 7 in 100
 * requests with headers over the limit and a 300 KiB body) then got no answer at all instead of the 431;</li>
 * <li>a request whose line and headers have not all arrived {@link HttpConfig#requestHeaderTimeout()} after its
 * first byte: connection closed (as Go's ReadHeaderTimeout does; Vert.x has no such limit, only the idle timeout,
 * which a byte now and then keeps from ever firing);</li>
 * <li>a request whose body has not all arrived {@link HttpConfig#requestBodyTimeout()} after its headers: a 408
 * problem (unless its answer has begun) and the connection closed, as nginx's client_body_timeout does. Only the
 * client's slowness counts: while the service itself has stopped reading (Vert.x pauses a connection whose request
 * it is not ready for), the deadline waits.</li>
 * </ul>
 * Vert.x offers no public hook for the request decoder or for those answers, so this reaches into its internals
 * (the listening channel of each shared server). If that ever fails (a Vert.x upgrade), the service still starts,
 * logs one warning, and falls back to Vert.x's own behaviour: the same refusals with empty bodies.
 */
@ApplicationScoped
public class StrictHttp1 {

    private static final Logger LOG = Logger.getLogger(StrictHttp1.class);
    static final String ACCEPT_HANDLER = "dealradar-strict-accept";
    static final String CONNECTION_HANDLER = "dealradar-strict-http1";
    static final String PROBLEM_HANDLER = "dealradar-problem-bodies";
    static final String LINGER_HANDLER = "dealradar-lingering-close";
    /** How long a closing connection keeps reading (and dropping) what its client still sends. */
    static final Duration LINGER = Duration.ofSeconds(2);
    /** Set once an error answer (4xx, 5xx) was written on the connection: its close lingers. */
    static final AttributeKey<Boolean> ANSWERED_ERROR = AttributeKey.valueOf("dealradar.answered-error");
    /** Why this connection's request was refused, for the problem's detail. */
    static final AttributeKey<String> REFUSAL = AttributeKey.valueOf("dealradar.refusal");
    /**
     * The {@code X-Request-Id} of the request decoded last, for the problem of a request Vert.x refuses before routing
     * it (its answer still echoes the caller's id).
     */
    static final AttributeKey<String> OFFERED_REQUEST_ID = AttributeKey.valueOf("dealradar.offered-request-id");
    /**
     * While a routed request's body is still coming: answers that request with the 408 through Vert.x, as every other
     * refusal is answered (the access log, the request id and the response headers), or says it cannot (the request
     * has ended or its answer has begun). Cleared as each answer ends.
     */
    static final AttributeKey<BooleanSupplier> LATE_BODY_ANSWER = AttributeKey.valueOf("dealradar.late-body-answer");

    private final Vertx vertx;
    private final RawProblems problems;
    private final HttpConfig config;

    StrictHttp1(Vertx vertx, RawProblems problems, HttpConfig config) {
        this.vertx = vertx;
        this.problems = problems;
        this.config = config;
    }

    /**
     * Called as each request is routed (HttpProtocolGuard): if its body is still coming, a late one is answered
     * through Vert.x. HTTP/2 streams are not timed here (their connections do not pass this decoder).
     */
    public void routing(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()
                || request.version() == HTTP_2
                || !(request.connection() instanceof ConnectionBase connection)) {
            return;
        }
        connection.channel().attr(LATE_BODY_ANSWER).set(() -> {
            if (request.isEnded() || ctx.response().headWritten()) {
                return false;
            }
            problems.send(ctx, HttpResponseStatus.REQUEST_TIMEOUT.code(), lateBody(config), true);
            return true;
        });
    }

    /** The detail of every 408. */
    static String lateBody(HttpConfig config) {
        return "The request body did not all arrive within "
                + Math.max(1, config.requestBodyTimeout().toSeconds()) + " s of its headers";
    }

    void onStart(@Observes StartupEvent start) {
        install();
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        install();
    }

    synchronized void install() {
        try {
            for (HttpServerImpl server :
                    ((VertxInternal) vertx).sharedHttpServers().values()) {
                Channel listening = listeningChannel(server);
                if (listening == null || listening.pipeline().get(ACCEPT_HANDLER) != null) {
                    continue;
                }
                HttpServerOptions options = options(server);
                listening.pipeline().addFirst(ACCEPT_HANDLER, new Acceptor(options, problems, config));
                LOG.debugf("Strict HTTP/1 checks installed on %s", listening.localAddress());
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warnf("Strict HTTP/1 checks not installed (%s); Vert.x's own refusals apply", e);
        }
    }

    private static Channel listeningChannel(HttpServerImpl server) throws ReflectiveOperationException {
        Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
        bind.setAccessible(true);
        Object future = bind.get(server);
        return future instanceof Future<?> f && f.succeeded() && f.result() instanceof Channel c ? c : null;
    }

    private static HttpServerOptions options(HttpServerImpl server) throws ReflectiveOperationException {
        Field field = HttpServerImpl.class.getDeclaredField("options");
        field.setAccessible(true);
        return (HttpServerOptions) field.get(server);
    }

    /** On the listening channel: gives every accepted connection its checks, ahead of Vert.x's own handlers. */
    @ChannelHandler.Sharable
    static final class Acceptor extends ChannelInboundHandlerAdapter {

        private final HttpServerOptions options;
        private final RawProblems problems;
        private final HttpConfig config;

        Acceptor(HttpServerOptions options, RawProblems problems, HttpConfig config) {
            this.options = options;
            this.problems = problems;
            this.config = config;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                child.pipeline().addFirst(CONNECTION_HANDLER, new Connection(options, problems, config));
                child.pipeline().addFirst(LINGER_HANDLER, new LingeringClose());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** First handler of a connection: swaps in the strict decoder before the first byte is decoded. */
    static final class Connection extends ChannelInboundHandlerAdapter {

        private final HttpServerOptions options;
        private final RawProblems problems;
        private final HttpConfig config;

        Connection(HttpServerOptions options, RawProblems problems, HttpConfig config) {
            this.options = options;
            this.problems = problems;
            this.config = config;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get("httpDecoder") instanceof VertxHttpRequestDecoder && pipeline.get("httpEncoder") != null) {
                Exchanges exchanges = new Exchanges();
                pipeline.replace("httpDecoder", "httpDecoder", new Decoder(options, config, problems, exchanges));
                pipeline.addAfter("httpEncoder", PROBLEM_HANDLER, new ProblemBodies(options, problems, exchanges));
            }
            pipeline.remove(this);
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * The requests of one connection decoded so far and the answers begun (HTTP/1 answers in order: the n-th answer
     * is the n-th request's). Shared by its decoder and its {@link ProblemBodies}, both on the connection's event loop.
     */
    static final class Exchanges {
        long requests;
        long answers;
    }

    /** Vert.x's request decoder, refusing ambiguous framing and folded header lines, and timing slow requests. */
    static final class Decoder extends VertxHttpRequestDecoder {

        private boolean inHeaders = true;
        private boolean folded;
        /** The connection being decoded (the framing hook below has no context of its own). */
        private ChannelHandlerContext current;

        private boolean refused;

        private final Duration headerTimeout;
        private final Duration bodyTimeout;
        /** The 408's detail. */
        private final String lateBodyDetail;

        private final RawProblems problems;
        private final Exchanges exchanges;
        /** Closes the connection when the request being read has not got all its headers in time. */
        private ScheduledFuture<?> headerDeadline;
        /** Answers 408 when the body of the request being read has not all come in time. */
        private ScheduledFuture<?> bodyDeadline;
        /** A request's headers are in and the end of its body is not. */
        private boolean bodyPending;
        /** The number ({@link Exchanges#requests}) of the request whose body is pending. */
        private long pendingRequest;

        Decoder(HttpServerOptions options, HttpConfig config, RawProblems problems, Exchanges exchanges) {
            super(options);
            this.headerTimeout = config.requestHeaderTimeout();
            this.bodyTimeout = config.requestBodyTimeout();
            this.lateBodyDetail = lateBody(config);
            this.problems = problems;
            this.exchanges = exchanges;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            current = ctx;
            if (refused) {
                // Nothing after a refused request is a request: its framing is in doubt, and the connection closes.
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            boolean headersStarted = inHeaders && buffer.isReadable();
            boolean requestDecoded = false;
            if (inHeaders && !folded && foldedLine(buffer)) {
                folded = true;
            }
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                Object decoded = out.get(i);
                if (decoded instanceof HttpRequest request) {
                    cancelHeaderDeadline();
                    requestDecoded = true;
                    inHeaders = false;
                    exchanges.requests++;
                    ctx.channel().attr(OFFERED_REQUEST_ID).set(request.headers().get(RequestIds.HEADER));
                    if (folded && request.decoderResult().isSuccess()) {
                        refuse(request, "Header lines must not be folded (a line starting with a space or tab)");
                    }
                    HttpVersion version = request.protocolVersion();
                    if (request.decoderResult().isSuccess() && version.majorVersion() != 1) {
                        refuse(request, version.text() + " is not spoken here: send HTTP/1.1");
                    } else if (version.majorVersion() == 1 && version.minorVersion() > 1) {
                        // RFC 9110 2.5: a later minor version is read, and answered, as the highest one known.
                        request.setProtocolVersion(HttpVersion.HTTP_1_1);
                    }
                    folded = false;
                    bodyPending = request.decoderResult().isSuccess() && !refused;
                    pendingRequest = exchanges.requests;
                }
                if (decoded instanceof LastHttpContent) {
                    inHeaders = true;
                    bodyPending = false;
                    cancelBodyDeadline();
                }
            }
            // A request's headers that did not all come in one read: from now on they have headerTimeout to arrive.
            // (Most requests arrive whole, and pay for no timer.)
            if (headersStarted && !requestDecoded && headerDeadline == null) {
                headerDeadline =
                        ctx.executor().schedule(() -> headersLate(ctx), headerTimeout.toMillis(), MILLISECONDS);
            }
            // Likewise a body that did not all come with its headers: from now on it has bodyTimeout.
            if (bodyPending && bodyDeadline == null) {
                armBodyDeadline(ctx);
            }
        }

        private void armBodyDeadline(ChannelHandlerContext ctx) {
            bodyDeadline = ctx.executor().schedule(() -> bodyLate(ctx), bodyTimeout.toMillis(), MILLISECONDS);
        }

        private void headersLate(ChannelHandlerContext ctx) {
            headerDeadline = null;
            if (inHeaders && ctx.channel().isActive()) {
                LOG.debugf(
                        "Closing %s: no complete request headers within %s",
                        ctx.channel().remoteAddress(), headerTimeout);
                refused = true;
                ctx.close();
            }
        }

        private void bodyLate(ChannelHandlerContext ctx) {
            bodyDeadline = null;
            Channel channel = ctx.channel();
            if (!bodyPending || !channel.isActive()) {
                return;
            }
            if (!channel.config().isAutoRead()) {
                // The service has stopped reading this connection (Vert.x pauses one whose request it is not ready
                // for): the rest of the body may be waiting in the socket, so the client gets another period.
                armBodyDeadline(ctx);
                return;
            }
            LOG.debugf(
                    "Closing %s: the request body did not all arrive within %s of its headers",
                    channel.remoteAddress(), bodyTimeout);
            refused = true;
            bodyPending = false;
            BooleanSupplier throughVertx = channel.attr(LATE_BODY_ANSWER).getAndSet(null);
            if (exchanges.answers < pendingRequest && (throughVertx == null || !throughVertx.getAsBoolean())) {
                // Not routed yet (or no longer): written from the end of the pipeline, as Vert.x writes its answers,
                // through the encoder and marked as an error answer, so that the close below lingers.
                channel.writeAndFlush(ProblemBodies.problem(
                        problems,
                        HttpResponseStatus.REQUEST_TIMEOUT,
                        lateBodyDetail,
                        true,
                        RequestIds.accept(channel.attr(OFFERED_REQUEST_ID).get())));
            }
            channel.close();
        }

        private void cancelHeaderDeadline() {
            if (headerDeadline != null) {
                headerDeadline.cancel(false);
                headerDeadline = null;
            }
        }

        private void cancelBodyDeadline() {
            if (bodyDeadline != null) {
                bodyDeadline.cancel(false);
                bodyDeadline = null;
            }
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
            cancelHeaderDeadline();
            cancelBodyDeadline();
            super.handlerRemoved0(ctx);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            refuse(message, "Send either Content-Length or Transfer-Encoding, not both");
            super.handleTransferEncodingChunkedWithContentLength(message);
        }

        /** Marks the request invalid: Vert.x answers 400 and closes the connection; the reason goes in the problem. */
        private void refuse(HttpMessage message, String why) {
            message.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(why)));
            refused = true;
            if (current != null) {
                current.channel().attr(REFUSAL).set(why);
            }
        }

        /** A line feed followed by a space or tab before the end of the header block. */
        private static boolean foldedLine(ByteBuf buffer) {
            int start = buffer.readerIndex();
            int end = buffer.writerIndex();
            for (int i = start; i < end - 1; i++) {
                if (buffer.getByte(i) != '\n') {
                    continue;
                }
                byte next = buffer.getByte(i + 1);
                if (next == '\r' || next == '\n') {
                    return false; // end of the header block: what follows is the body
                }
                if (next == ' ' || next == '\t') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Gives a problem body to the empty 4xx answers Vert.x and Quarkus write for requests they cannot parse;
     * any answer of the application already has a body and passes untouched. Counts the answers begun.
     */
    static final class ProblemBodies extends ChannelDuplexHandler {

        private final HttpServerOptions options;
        private final RawProblems problems;
        private final Exchanges exchanges;

        ProblemBodies(HttpServerOptions options, RawProblems problems, Exchanges exchanges) {
            this.options = options;
            this.problems = problems;
            this.exchanges = exchanges;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent) {
                ctx.channel().attr(LATE_BODY_ANSWER).set(null);
            }
            if (msg instanceof HttpResponse answer) {
                int status = answer.status().code();
                if (status >= 200) {
                    exchanges.answers++;
                }
                if (status >= 400) {
                    ctx.channel().attr(ANSWERED_ERROR).set(Boolean.TRUE);
                }
            }
            if (msg instanceof FullHttpResponse response
                    && isBare(response)
                    && response.content().readableBytes() == 0) {
                int status = response.status().code();
                String refusal = ctx.channel().attr(REFUSAL).getAndSet(null);
                // Connection: close unless only the percent-encoding was bad (the framing was fine, the connection can
                // go on).
                FullHttpResponse replaced = problem(
                        problems,
                        response.status(),
                        detail(status, refusal),
                        refusal != null || status != 400,
                        Optional.ofNullable(response.headers().get(RequestIds.HEADER))
                                .orElseGet(() -> RequestIds.accept(
                                        ctx.channel().attr(OFFERED_REQUEST_ID).get())));
                // Vert.x answers in the request's version, even one it does not speak (HTTP/2.0 in a request line).
                replaced.setProtocolVersion(
                        response.protocolVersion().majorVersion() == 1
                                ? response.protocolVersion()
                                : HttpVersion.HTTP_1_1);
                response.headers().forEach(header -> {
                    if (!replaced.headers().contains(header.getKey())) {
                        replaced.headers().add(header.getKey(), header.getValue());
                    }
                });
                response.release();
                ctx.write(replaced, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        /**
         * A whole problem answer; {@code close}: with {@code Connection: close}. {@code requestId}: the id the request
         * was given, or the one {@link RequestIds#accept} makes of what it offered when it never reached the router.
         */
        static FullHttpResponse problem(
                RawProblems problems, HttpResponseStatus status, String detail, boolean close, String requestId) {
            byte[] body = problems.body(status.code(), detail, null, requestId).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse answer =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            answer.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(RequestIds.HEADER, requestId);
            if (close) {
                answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            return answer;
        }

        private static boolean isBare(HttpResponse response) {
            int status = response.status().code();
            return status >= 400 && status < 500 && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private String detail(int status, String refusal) {
            if (refusal != null) {
                return refusal;
            }
            return switch (status) {
                case 414 -> "The request line is longer than " + options.getMaxInitialLineLength() + " bytes";
                case 431 -> "The request headers are larger than " + options.getMaxHeaderSize() + " bytes";
                case 413 -> "The request body is too large";
                default -> "The request is malformed (its request line, headers or percent-encoding)";
            };
        }
    }

    /**
     * First handler of a connection: turns a close after an error answer into a lingering close. Everything written
     * is flushed, then the output is shut down (the client reads the answer and the end of the stream), and the
     * connection stays open, its input dropped unread by the rest of the pipeline, until the client closes its side
     * or {@link #LINGER} has passed. Other closes (idle connections, shutdown) happen at once.
     */
    static final class LingeringClose extends ChannelDuplexHandler {

        private boolean lingering;
        /** Set when the lingering is over: the close that follows is the real one. */
        private boolean done;

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            Channel channel = ctx.channel();
            if (lingering && !done) {
                // A second close (Vert.x closes again as the connection ends) waits for the one that ends the
                // lingering: closing now would reset the connection the lingering is there to end cleanly.
                channel.closeFuture().addListener(closed -> promise.trySuccess());
                return;
            }
            if (done
                    || !channel.isActive()
                    || !(channel instanceof DuplexChannel duplex)
                    || duplex.isInputShutdown()
                    || channel.attr(ANSWERED_ERROR).get() == null) {
                ctx.close(promise);
                return;
            }
            lingering = true;
            channel.closeFuture().addListener(closed -> promise.trySuccess());
            ScheduledFuture<?> deadline = ctx.executor().schedule(() -> closeNow(ctx), LINGER.toMillis(), MILLISECONDS);
            channel.closeFuture().addListener(closed -> deadline.cancel(false));
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
                if (!written.isSuccess()) {
                    closeNow(ctx);
                    return;
                }
                duplex.shutdownOutput().addListener(shut -> {
                    if (!shut.isSuccess()) {
                        closeNow(ctx);
                        return;
                    }
                    channel.config().setAutoRead(true);
                    ctx.read();
                });
            });
        }

        private void closeNow(ChannelHandlerContext ctx) {
            done = true;
            ctx.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (lingering) {
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
