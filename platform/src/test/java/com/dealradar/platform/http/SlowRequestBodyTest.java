package com.dealradar.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The request body deadline of {@link StrictHttp1}, on one connection's own pipeline (decoder, encoder, problem
 * bodies) with Netty's embedded channel and its clock: when the 408 comes, and when it must not. The services' tests
 * (MalformedRequests, the gateway's HttpEdgeTest) show the same on real sockets, answered through Vert.x; these cover
 * what those cannot time: a paused connection, an answer already begun, a request Vert.x has not routed.
 */
class SlowRequestBodyTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(30);
    private static final String BODY = "{\"name\":\"Slow Co\"}";
    private static final String HEAD =
            "POST /companies HTTP/1.1\r\nHost: x\r\nX-Request-Id: slow-body-probe\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + BODY.length() + "\r\n\r\n";

    private final EmbeddedChannel channel = connection();

    @Test
    void aBodyNotAllInWithinTheTimeoutIsAnswered408AndTheConnectionCloses() {
        send(HEAD + "{\"name\":");
        advance(BODY_TIMEOUT.minusMillis(1));
        List<String> before = written();
        advance(Duration.ofMillis(1));
        List<String> after = written();
        System.out.printf("late body: before the deadline %s; at it %s; open=%s%n", before, after, channel.isOpen());

        assertThat(before).isEmpty();
        assertThat(after).hasSize(1);
        assertThat(after.getFirst())
                .startsWith("HTTP/1.1 408 Request Timeout\r\n")
                .contains("content-type: application/problem+json")
                .contains("connection: close")
                .contains("X-Request-Id: slow-body-probe")
                .contains("\"requestId\":\"slow-body-probe\"")
                .contains("\"type\":\"https://dealradar.dev/problems/request-timeout\"")
                .contains("\"detail\":\"The request body did not all arrive within 30 s of its headers\"");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBodyThatCompletesInTimeIsNotTimedAnyFurther() {
        send(HEAD + "{\"name\":");
        advance(BODY_TIMEOUT.minusSeconds(1));
        send("\"Slow Co\"}");
        advance(BODY_TIMEOUT.multipliedBy(3));

        assertThat(written()).isEmpty();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void whileTheServiceHasStoppedReadingTheClientIsNotBlamed() {
        send(HEAD + "{\"name\":");
        channel.config().setAutoRead(false); // as Vert.x pauses a connection whose request it is not ready for
        advance(BODY_TIMEOUT.plusSeconds(1));
        List<String> whilePaused = written();
        boolean openWhilePaused = channel.isOpen();
        channel.config().setAutoRead(true);
        advance(BODY_TIMEOUT);
        List<String> afterResuming = written();
        System.out.printf(
                "paused: %s open=%s; a period after resuming: %d answer(s), open=%s%n",
                whilePaused, openWhilePaused, afterResuming.size(), channel.isOpen());

        assertThat(whilePaused).isEmpty();
        assertThat(openWhilePaused).isTrue();
        assertThat(afterResuming).singleElement().asString().startsWith("HTTP/1.1 408 ");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anAnswerAlreadyBegunIsNotFollowedByA408() {
        send(HEAD + "{\"name\":");
        // The service answered early (a refused credential, say) while the body was still coming.
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
        List<String> early = written();
        advance(BODY_TIMEOUT);

        assertThat(early).singleElement().asString().startsWith("HTTP/1.1 401 ");
        assertThat(written()).as("nothing after the service's own answer").isEmpty();
        assertThat(channel.isOpen())
                .as("the connection still closes: the body never came")
                .isFalse();
    }

    @Test
    void aRoutedRequestIsAnsweredThroughTheServiceNotByTheDecoder() {
        AtomicInteger asked = new AtomicInteger();
        send(HEAD + "{\"name\":");
        channel.attr(StrictHttp1.LATE_BODY_ANSWER).set(() -> {
            asked.incrementAndGet();
            return true; // Vert.x wrote the 408 (here: nothing, so that the decoder's own answer would show)
        });
        advance(BODY_TIMEOUT);

        assertThat(asked).hasValue(1);
        assertThat(written()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aWholeRequestArmsNoTimerAtAll() {
        send(HEAD + BODY);

        assertThat(channel.runScheduledPendingTasks())
                .as("no scheduled task pending")
                .isEqualTo(-1);
    }

    private static EmbeddedChannel connection() {
        HttpConfig config = new HttpConfig() {
            @Override
            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            @Override
            public Duration requestHeaderTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration requestBodyTimeout() {
                return BODY_TIMEOUT;
            }

            @Override
            public boolean callerTimeouts() {
                return true;
            }
        };
        RawProblems problems = new RawProblems(new ObjectMapper());
        HttpServerOptions options = new HttpServerOptions();
        StrictHttp1.Exchanges exchanges = new StrictHttp1.Exchanges();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline()
                .addLast("httpDecoder", new StrictHttp1.Decoder(options, config, problems, exchanges))
                .addLast("httpEncoder", new HttpResponseEncoder())
                .addLast(StrictHttp1.PROBLEM_HANDLER, new StrictHttp1.ProblemBodies(options, problems, exchanges));
        return channel;
    }

    private void send(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
        Object decoded;
        while ((decoded = channel.readInbound()) != null) {
            ReferenceCountUtil.release(decoded);
        }
    }

    private void advance(Duration by) {
        channel.advanceTimeBy(by.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    /** What was written to the client since the last call, one string per flushed buffer joined per answer. */
    private List<String> written() {
        List<String> answers = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Object out;
        while ((out = channel.readOutbound()) != null) {
            if (out instanceof ByteBuf buffer) {
                String text = buffer.toString(StandardCharsets.UTF_8);
                if (text.startsWith("HTTP/1.1 ") && !current.isEmpty()) {
                    answers.add(current.toString());
                    current.setLength(0);
                }
                current.append(text);
            }
            ReferenceCountUtil.release(out);
        }
        if (!current.isEmpty()) {
            answers.add(current.toString());
        }
        return answers;
    }
}
