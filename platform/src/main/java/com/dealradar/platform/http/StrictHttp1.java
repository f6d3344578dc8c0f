package com.dealradar.platform.http;

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
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * HTTP/1 framing checks that must happen while the request is parsed, below Vert.x's router, installed on
 * every HTTP server of the process once it listens:
 * <ul>
 * <li>{@code Content-Length} together with {@code Transfer-Encoding} (Netty would silently drop the length and
 * read the body as chunked: the request-smuggling pattern when a proxy in front reads it the other way): 400,
 * connection closed;</li>
 * <li>obsolete line folding (a header line starting with a space or tab, RFC 9112 5.2): 400, connection closed;</li>
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
 * which a byte now and then keeps from ever firing).</li>
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

    private final Vertx vertx;
    private final RawProblems problems;
    private final Duration headerTimeout;

    StrictHttp1(Vertx vertx, RawProblems problems, HttpConfig config) {
        this.vertx = vertx;
        this.problems = problems;
        this.headerTimeout = config.requestHeaderTimeout();
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
                listening.pipeline().addFirst(ACCEPT_HANDLER, new Acceptor(options, problems, headerTimeout));
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
        private final Duration headerTimeout;

        Acceptor(HttpServerOptions options, RawProblems problems, Duration headerTimeout) {
            this.options = options;
            this.problems = problems;
            this.headerTimeout = headerTimeout;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                child.pipeline().addFirst(CONNECTION_HANDLER, new Connection(options, problems, headerTimeout));
                child.pipeline().addFirst(LINGER_HANDLER, new LingeringClose());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** First handler of a connection: swaps in the strict decoder before the first byte is decoded. */
    static final class Connection extends ChannelInboundHandlerAdapter {

        private final HttpServerOptions options;
        private final RawProblems problems;
        private final Duration headerTimeout;

        Connection(HttpServerOptions options, RawProblems problems, Duration headerTimeout) {
            this.options = options;
            this.problems = problems;
            this.headerTimeout = headerTimeout;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get("httpDecoder") instanceof VertxHttpRequestDecoder && pipeline.get("httpEncoder") != null) {
                pipeline.replace("httpDecoder", "httpDecoder", new Decoder(options, headerTimeout));
                pipeline.addAfter("httpEncoder", PROBLEM_HANDLER, new ProblemBodies(options, problems));
            }
            pipeline.remove(this);
            ctx.fireChannelRead(msg);
        }
    }

    /** Vert.x's request decoder, refusing ambiguous framing and folded header lines. */
    static final class Decoder extends VertxHttpRequestDecoder {

        private boolean inHeaders = true;
        private boolean folded;
        /** The connection being decoded (the framing hook below has no context of its own). */
        private ChannelHandlerContext current;

        private boolean refused;

        private final Duration headerTimeout;
        /** Closes the connection when the request being read has not got all its headers in time. */
        private ScheduledFuture<?> headerDeadline;

        Decoder(HttpServerOptions options, Duration headerTimeout) {
            super(options);
            this.headerTimeout = headerTimeout;
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
                    if (folded && request.decoderResult().isSuccess()) {
                        refuse(request, "Header lines must not be folded (a line starting with a space or tab)");
                    }
                    folded = false;
                }
                if (decoded instanceof LastHttpContent) {
                    inHeaders = true;
                }
            }
            // A request's headers that did not all come in one read: from now on they have headerTimeout to arrive.
            // (Most requests arrive whole, and pay for no timer.)
            if (headersStarted && !requestDecoded && headerDeadline == null) {
                headerDeadline =
                        ctx.executor().schedule(() -> headersLate(ctx), headerTimeout.toMillis(), MILLISECONDS);
            }
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

        private void cancelHeaderDeadline() {
            if (headerDeadline != null) {
                headerDeadline.cancel(false);
                headerDeadline = null;
            }
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
            cancelHeaderDeadline();
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
     * any answer of the application already has a body and passes untouched.
     */
    static final class ProblemBodies extends ChannelDuplexHandler {

        private final HttpServerOptions options;
        private final RawProblems problems;

        ProblemBodies(HttpServerOptions options, RawProblems problems) {
            this.options = options;
            this.problems = problems;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse answer && answer.status().code() >= 400) {
                ctx.channel().attr(ANSWERED_ERROR).set(Boolean.TRUE);
            }
            if (msg instanceof FullHttpResponse response
                    && isBare(response)
                    && response.content().readableBytes() == 0) {
                int status = response.status().code();
                String refusal = ctx.channel().attr(REFUSAL).getAndSet(null);
                byte[] body =
                        problems.body(status, detail(status, refusal), null).getBytes(StandardCharsets.UTF_8);
                DefaultFullHttpResponse replaced = new DefaultFullHttpResponse(
                        response.protocolVersion(), response.status(), Unpooled.wrappedBuffer(body));
                replaced.headers().set(response.headers());
                replaced.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
                replaced.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                if (refusal != null || status != 400) {
                    replaced.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                }
                response.release();
                ctx.write(replaced, promise);
                return;
            }
            ctx.write(msg, promise);
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
                // lingering:
                // closing now would reset the connection the lingering is there to end cleanly.
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
