package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.systemtests.contract.ContractValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI as a new developer meets it, in a real browser (Debian's chromium, driven by chromedriver): on the
 * local run's gateway, opened at localhost and at 127.0.0.1, the page loads every operation of the contract with
 * no console error, authorizes with the admin API key, still is authorized after a reload, and "Try it out"
 * executes a read, a create, a conditional update (If-Match from the read's ETag) and a composite read with their
 * documented statuses. The Keycloak dialog offers what works for a public PKCE client: no client_secret field,
 * openid preselected, a new nonce for every sign-in. Screenshots of failures: target/browser-failures/.
 */
class SwaggerUiBrowserTest {

    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        LocalRun.get();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1400,2200");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "opened at {0}")
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void swaggerUiWorksAsDocumented(String host) throws Exception {
        String page = "http://" + host + ":" + LocalRun.get().port() + "/q/swagger-ui/";
        try {
            long start = System.nanoTime();
            browser.get(page);
            int operations = countOperations();
            waitForOperations(operations);
            System.out.printf(
                    "Swagger UI at %s: %d operations shown after %d ms%n",
                    page, operations, (System.nanoTime() - start) / 1_000_000);
            assertThat(browser.getPageSource())
                    .as("no nonce fixed into the page")
                    .doesNotContainPattern("\"nonce\"\\s*:\\s*\"[^\"]+\"");

            keycloakDialogOffersOnlyWhatWorks();
            authorizeWithApiKey(LocalRun.get().adminKey());

            browser.navigate().refresh();
            waitForOperations(operations);
            openAuthorizeDialog();
            assertThat(apiKeySection().getText())
                    .as("still authorized after a reload")
                    .contains("Authorized");
            closeAuthorizeDialog();

            String name = "Browser Check " + host.replace('.', ' ') + " "
                    + UUID.randomUUID().toString().substring(0, 8);
            Execution created = execute("post", "/api/v1/companies", Map.of(), """
                    {"name": "%s", "country": "DE", "kind": "subsidiary", "sectors": ["cloud_provider"],
                     "sources": [{"kind": "general_knowledge", "note": "created by the browser test"}]}""".formatted(name));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String slug = created.json("slug");

            Execution read = execute("get", "/api/v1/companies/{idOrSlug}", Map.of("idOrSlug", slug), null);
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            String etag = read.header("etag");
            assertThat(etag).as("the read shows its ETag").isNotBlank();

            Execution patched = execute(
                    "patch",
                    "/api/v1/companies/{idOrSlug}",
                    Map.of("idOrSlug", slug, "If-Match", etag),
                    "{\"headquartersCity\": \"Frankfurt\"}");
            assertThat(patched.status()).as(patched.text()).isEqualTo(200);
            assertThat(patched.text()).contains("Frankfurt");

            // The dossier's id is the contract's example, pre-filled by Swagger UI: it has to work as it is.
            Execution dossier = execute("get", "/api/v1/deals/{id}/dossier", Map.of(), null);
            assertThat(dossier.status()).as(dossier.text()).isEqualTo(200);
            assertThat(dossier.text()).contains("\"complete\"");

            List<String> errors = consoleErrors();
            assertThat(errors).as("console errors at %s", page).isEmpty();
        } catch (Throwable failure) {
            screenshot(host);
            throw failure;
        }
    }

    private int countOperations() {
        // Swagger UI shows the operations of the paths and, in its own section, the webhooks (the events pushed).
        int n = 0;
        for (String section : List.of("paths", "webhooks")) {
            for (var path : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                    () -> ContractValidator.get().contract().path(section).fields()) {
                for (var method : (Iterable<String>) () -> path.getValue().fieldNames()) {
                    if (List.of("get", "put", "post", "delete", "patch", "head", "options")
                            .contains(method)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private void waitForOperations(int expected) {
        wait.withTimeout(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("div.opblock")).size() == expected);
    }

    private void keycloakDialogOffersOnlyWhatWorks() {
        openAuthorizeDialog();
        WebElement keycloak = section("keycloak");
        assertThat(keycloak.findElements(By.cssSelector("input[id^='client_secret_']")).stream()
                        .filter(WebElement::isDisplayed))
                .as("a public PKCE client has no secret to enter")
                .isEmpty();
        WebElement openid = keycloak.findElement(By.cssSelector("input[type='checkbox'][id^='openid-']"));
        assertThat(openid.isSelected()).as("openid is preselected").isTrue();
        // Sign-in opens Keycloak in a popup: record the URLs instead of opening them.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "window.__opened = []; window.open = function (u) { window.__opened.push(u); return null; };");
        WebElement authorize = keycloak.findElement(By.cssSelector("button.authorize"));
        authorize.click();
        authorize.click();
        @SuppressWarnings("unchecked")
        List<String> opened = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.__opened;");
        assertThat(opened).hasSize(2);
        List<String> nonces = new ArrayList<>();
        for (String url : opened) {
            assertThat(url)
                    .contains("code_challenge_method=S256")
                    .contains("client_id=dealradar-web")
                    .containsPattern("scope=openid");
            Matcher nonce = Pattern.compile("[?&]nonce=([^&]+)").matcher(url);
            assertThat(nonce.find()).as("a nonce in %s", url).isTrue();
            nonces.add(nonce.group(1));
        }
        assertThat(nonces.get(0))
                .as("a fresh nonce per sign-in")
                .isNotEqualTo(nonces.get(1))
                .hasSizeGreaterThanOrEqualTo(16);
        closeAuthorizeDialog();
    }

    private void authorizeWithApiKey(String key) {
        openAuthorizeDialog();
        WebElement apiKey = apiKeySection();
        apiKey.findElement(By.cssSelector("input")).sendKeys(key);
        apiKey.findElement(By.cssSelector("button.authorize")).click();
        wait.until(d -> apiKeySection().getText().contains("Authorized"));
        closeAuthorizeDialog();
    }

    private WebElement apiKeySection() {
        return section("apiKey");
    }

    private WebElement section(String scheme) {
        return browser.findElements(By.cssSelector(".modal-ux .auth-container")).stream()
                .filter(c -> c.findElement(By.tagName("h4")).getText().startsWith(scheme + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + scheme + " section in the Authorize dialog"));
    }

    private void openAuthorizeDialog() {
        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        wait.until(d ->
                !d.findElements(By.cssSelector(".modal-ux .auth-container")).isEmpty());
    }

    private void closeAuthorizeDialog() {
        browser.findElement(By.cssSelector(".modal-ux button.close-modal")).click();
        wait.until(d -> d.findElements(By.cssSelector(".modal-ux")).isEmpty());
    }

    record Execution(int status, String text) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^\\s*" + Pattern.quote(name) + ":\\s*(.+?)\\s*$")
                    .matcher(text);
            return m.find() ? m.group(1) : null;
        }

        String json(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(text);
            assertThat(m.find()).as("%s in %s", field, text).isTrue();
            return m.group(1);
        }
    }

    /** Opens an operation, "Try it out", fills parameters and body, "Execute", and reads the live response. */
    private Execution execute(String method, String path, Map<String, String> parameters, String body) {
        WebElement operation = browser.findElement(By.xpath("//div[contains(@class,'opblock-" + method
                + "')][.//*[contains(@class," + "'opblock-summary-path') and @data-path='" + path + "']]"));
        if (operation.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            operation.findElement(By.cssSelector(".opblock-summary")).click();
        }
        WebElement tryOut = wait.until(d -> operation.findElement(By.cssSelector("button.try-out__btn")));
        if (!tryOut.getText().contains("Cancel")) {
            tryOut.click();
        }
        parameters.forEach((name, value) -> {
            WebElement input = operation.findElement(By.cssSelector("tr[data-param-name='" + name + "'] input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
        });
        operation
                .findElements(By.cssSelector("tr[data-param-name] input"))
                .forEach(input -> assertThat(input.getAttribute("value"))
                        .as("parameter pre-filled or filled")
                        .isNotNull());
        if (body != null) {
            replaceBody(operation.findElement(By.cssSelector("textarea.body-param__text")), body);
        }
        operation.findElement(By.cssSelector("button.execute")).click();
        WebElement status = wait.until(d -> {
            List<WebElement> cells =
                    operation.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0);
        });
        String text = operation
                .findElement(By.cssSelector(".live-responses-table .response"))
                .getText();
        String code = status.getText().strip().split("\\s+")[0];
        return new Execution(code.matches("\\d{3}") ? Integer.parseInt(code) : -1, text);
    }

    /**
     * Puts {@code body} into Swagger UI's request-body editor all but its last character at once, as a paste would,
     * then types the last one: a real keystroke, so Swagger UI (React) takes the whole text from its own change
     * handler. Typing a create body key by key took 20-29 s on two cores (the page re-renders on every key).
     */
    private void replaceBody(WebElement textarea, String body) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;"
                                + "setter.call(arguments[0], arguments[1]);"
                                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        textarea,
                        body.substring(0, body.length() - 1));
        textarea.sendKeys(Keys.END, body.substring(body.length() - 1));
        wait.until(d -> body.equals(textarea.getAttribute("value")));
    }

    private List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static void screenshot(String host) {
        try {
            Files.createDirectories(FAILURES);
            Path file = FAILURES.resolve("swagger-ui-" + host + "-" + System.currentTimeMillis() + ".png");
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of(file.toString().replace(".png", ".html")), browser.getPageSource());
            System.err.println("Screenshot of the failure: " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot: " + e);
        }
    }
}
