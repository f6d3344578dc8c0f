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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether a Keycloak user may still read: the account exists, is enabled and holds the viewer role (directly or through
 * analyst or admin). A calendar subscription's token reads without its owner signing in, so without this question a
 * user disabled, deleted or stripped of the role in Keycloak would go on reading through it. The gateway asks
 * Keycloak's admin API as its own service account (client {@code dealradar-gateway}, whose one right is
 * realm-management's view-users; its token from the OIDC client, reused until it is due for renewal) and remembers
 * each answer for {@link KeycloakAccountsConfig#checkInterval()}. When Keycloak cannot answer, the read is a 503 with
 * Retry-After: the gateway does not guess.
 *
 * <p>Blocking: call it on a worker thread (the calendar token's identity provider runs there).
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final OidcClient serviceAccount;
    private final WebClient web;
    private final String users;
    private final Duration timeout;
    private final Cache<String, Boolean> answers;
    private final AtomicReference<Tokens> tokens = new AtomicReference<>();

    KeycloakAccounts(
            OidcClient serviceAccount,
            Vertx vertx,
            KeycloakAccountsConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.serviceAccount = serviceAccount;
        this.web = WebClient.create(vertx);
        this.users = adminUsersUrl(realmUrl);
        this.timeout = config.timeout();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.checkInterval())
                .maximumSize(10_000)
                .build();
    }

    /** The admin API's users of the realm at {@code realmUrl} ({@code .../realms/<name>}). */
    static String adminUsersUrl(String realmUrl) {
        int realms = realmUrl.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url does not name a realm: " + realmUrl);
        }
        return realmUrl.substring(0, realms) + "/admin"
                + realmUrl.substring(realms).replaceAll("/+$", "") + "/users/";
    }

    /**
     * Whether the user with Keycloak subject {@code subject} may read now (the answer may be up to the check interval
     * old); a 503 {@link ProblemException} when Keycloak cannot say.
     */
    public boolean mayRead(String subject) {
        return answers.get(subject, this::ask);
    }

    private boolean ask(String subject) {
        String user = users + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        try {
            HttpResponse<Buffer> account = get(user);
            if (account.statusCode() == 404) {
                LOG.debugf("Keycloak user %s no longer exists", subject);
                return false;
            }
            expectOk(account, "the user");
            if (!account.bodyAsJsonObject().getBoolean("enabled", false)) {
                LOG.debugf("Keycloak user %s is disabled", subject);
                return false;
            }
            HttpResponse<Buffer> roles = get(user + "/role-mappings/realm/composite");
            if (roles.statusCode() == 404) {
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
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** A GET with the service account's token; once more with a new token when Keycloak no longer takes the old one. */
    private HttpResponse<Buffer> get(String url) throws ExecutionException, InterruptedException, TimeoutException {
        HttpResponse<Buffer> answer = send(url, accessToken(false));
        return answer.statusCode() == 401 ? send(url, accessToken(true)) : answer;
    }

    private HttpResponse<Buffer> send(String url, String token)
            throws ExecutionException, InterruptedException, TimeoutException {
        return web.getAbs(url)
                .bearerTokenAuthentication(token)
                .putHeader("Accept", "application/json")
                .timeout(timeout.toMillis())
                .send()
                .toCompletionStage()
                .toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String accessToken(boolean renew) {
        Tokens current = tokens.get();
        if (renew
                || current == null
                || current.isAccessTokenExpired()
                || current.isAccessTokenWithinRefreshInterval()) {
            current = serviceAccount.getTokens().await().atMost(timeout);
            tokens.set(current);
        }
        return current.getAccessToken();
    }

    private static void expectOk(HttpResponse<Buffer> answer, String what) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " when asked for " + what);
        }
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("Keycloak could not be asked about a calendar subscription's owner: %s", cause.toString());
        return ProblemException.unavailable(
                "Whether the subscription's owner may still read cannot be checked with Keycloak now; try again later",
                RETRY_AFTER);
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
