package com.dealradar.gateway.client;

import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.security.Roles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether a Keycloak user may still read: the account exists, is enabled and holds the viewer role (directly or through
 * analyst or admin). A calendar subscription's token reads without its owner signing in, so without this question a
 * user disabled, deleted or stripped of the role in Keycloak would go on reading through it. The gateway asks
 * Keycloak's admin API as its own service account (client {@code dealradar-gateway}, whose one right is
 * realm-management's view-users; its token from the OIDC client, reused until it is due for renewal) and remembers
 * each answer for {@link KeycloakAccountsConfig#checkInterval()}.
 *
 * <p>When Keycloak cannot answer within {@link KeycloakAccountsConfig#timeout()} (the whole question: token, user,
 * roles), the read is a 503 with Retry-After: the gateway does not guess. For a few seconds after a failure it does not
 * ask again, so that an outage costs each poll nothing and the log one warning. Blocking: call it on a worker thread
 * (the calendar token's identity provider runs there); no lock is held while Keycloak is asked.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** Keycloak's answer for a user id it does not know (any other 404 is a wrong address, not a deleted user). */
    private static final String USER_NOT_FOUND = "User not found";

    private final OidcClient serviceAccount;
    private final WebClient web;
    private final String users;
    private final Duration timeout;
    private final Duration quietAfterFailure;
    private final Cache<String, Boolean> answers;
    private final AtomicReference<Tokens> tokens = new AtomicReference<>();
    /** System.nanoTime() before which Keycloak is not asked again (after a failure). */
    private final AtomicLong quietUntil = new AtomicLong(System.nanoTime());

    KeycloakAccounts(
            OidcClient serviceAccount,
            Vertx vertx,
            KeycloakAccountsConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.serviceAccount = serviceAccount;
        this.web = WebClient.create(vertx);
        this.users = config.adminUrl()
                .map(admin -> admin.replaceAll("/+$", "") + "/users/")
                .orElseGet(() -> adminUsersUrl(realmUrl));
        this.timeout = config.timeout();
        this.quietAfterFailure = config.quietAfterFailure();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.checkInterval())
                .maximumSize(10_000)
                .build();
    }

    /** The admin API's users of the realm at {@code realmUrl} ({@code <server>/realms/<name>}, the OIDC issuer). */
    static String adminUsersUrl(String realmUrl) {
        String realm = realmUrl.replaceAll("/+$", "");
        int realms = realm.lastIndexOf("/realms/");
        if (realms < 0 || realm.indexOf('/', realms + "/realms/".length()) >= 0) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url does not name a Keycloak realm: " + realmUrl);
        }
        return realm.substring(0, realms) + "/admin" + realm.substring(realms) + "/users/";
    }

    /**
     * Whether the user with Keycloak subject {@code subject} may read now (the answer may be up to the check interval
     * old); a 503 {@link ProblemException} when Keycloak cannot say.
     */
    public boolean mayRead(String subject) {
        Boolean known = answers.getIfPresent(subject);
        if (known != null) {
            return known;
        }
        if (System.nanoTime() - quietUntil.get() < 0) {
            throw unavailable();
        }
        boolean answer;
        try {
            answer = ask(subject, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            throw failed(e);
        }
        answers.put(subject, answer);
        return answer;
    }

    private boolean ask(String subject, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        String user = users + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        HttpResponse<Buffer> account = get(user, deadline);
        if (isUnknownUser(account)) {
            LOG.debugf("Keycloak user %s no longer exists", subject);
            return false;
        }
        expectOk(account, "the user");
        if (!account.bodyAsJsonObject().getBoolean("enabled", false)) {
            LOG.debugf("Keycloak user %s is disabled", subject);
            return false;
        }
        HttpResponse<Buffer> roles = get(user + "/role-mappings/realm/composite", deadline);
        if (isUnknownUser(roles)) {
            return false;
        }
        expectOk(roles, "the user's roles");
        JsonArray effective = roles.bodyAsJsonArray();
        for (int i = 0; i < effective.size(); i++) {
            if (Roles.VIEWER.equals(effective.getJsonObject(i).getString("name"))) {
                return true;
            }
        }
        LOG.debugf("Keycloak user %s no longer holds the viewer role", subject);
        return false;
    }

    private static boolean isUnknownUser(HttpResponse<Buffer> answer) {
        if (answer.statusCode() != 404) {
            return false;
        }
        try {
            return USER_NOT_FOUND.equals(answer.bodyAsJsonObject().getString("error"));
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** A GET with the service account's token; once more with a new token when Keycloak no longer takes the old one. */
    private HttpResponse<Buffer> get(String url, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        HttpResponse<Buffer> answer = send(url, accessToken(false, deadline), deadline);
        return answer.statusCode() == 401 ? send(url, accessToken(true, deadline), deadline) : answer;
    }

    private HttpResponse<Buffer> send(String url, String token, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        long left = remainingMillis(deadline);
        return web.getAbs(url)
                .bearerTokenAuthentication(token)
                .putHeader("Accept", "application/json")
                .timeout(left)
                .send()
                .toCompletionStage()
                .toCompletableFuture()
                .get(left, TimeUnit.MILLISECONDS);
    }

    private String accessToken(boolean renew, long deadline) throws TimeoutException {
        Tokens current = tokens.get();
        if (renew
                || current == null
                || current.isAccessTokenExpired()
                || current.isAccessTokenWithinRefreshInterval()) {
            current = serviceAccount.getTokens().await().atMost(Duration.ofMillis(remainingMillis(deadline)));
            tokens.set(current);
        }
        return current.getAccessToken();
    }

    private static long remainingMillis(long deadline) throws TimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new TimeoutException("no time left to ask Keycloak");
        }
        return left;
    }

    private static void expectOk(HttpResponse<Buffer> answer, String what) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " when asked for " + what);
        }
    }

    /** Keycloak could not answer: quiet for a while (one warning per failure, not per poll), then a 503. */
    private ProblemException failed(Exception cause) {
        quietUntil.set(System.nanoTime() + quietAfterFailure.toNanos());
        LOG.warnf(
                "Keycloak could not be asked whether a calendar subscription's user may still read (reads of users'"
                        + " subscriptions are refused with 503 for %s before it is asked again): %s",
                quietAfterFailure, cause.toString());
        return unavailable();
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable(
                "Whether the subscription's owner may still read cannot be checked with Keycloak now; try again later",
                RETRY_AFTER);
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
