package com.dealradar.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.systemtests.contract.ContractValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every curl of the README's "Trying it (local run)" section, taken from README.md itself (so the README and this
 * test cannot drift) and run with the real curl, in order, against a local-run-like stack with the key file the
 * local run writes: each must succeed (2xx), and each answer must be what the contract documents.
 */
class ReadmeCurlTest {

    static final String SECTION = "## Trying it (local run)";

    @Test
    void everyCurlOfTryingItWorks() throws Exception {
        LocalRun local = LocalRun.get();
        List<String> commands = commands(Files.readString(Path.of("..", "README.md")));
        assertThat(commands).as("curls in the README's %s", SECTION).hasSizeGreaterThanOrEqualTo(5);
        String setup = commands.stream().filter(c -> !c.startsWith("curl")).reduce("", (a, b) -> a + b + "\n");
        Path workdir = Files.createTempDirectory("readme-curls");
        Files.createDirectories(workdir.resolve("data"));
        Files.writeString(workdir.resolve("data/bootstrap-api-key"), local.adminKey() + "\n");
        int ran = 0;
        for (String curl : commands.stream().filter(c -> c.startsWith("curl")).toList()) {
            // The README names the local run's port; the stack under test has its own.
            String command = curl.replace("http://localhost:8080", "http://localhost:" + local.port())
                    .replaceFirst("^curl ", "curl -w '\\\\n%{http_code} %{content_type}' ");
            Process process = new ProcessBuilder("bash", "-c", setup + command)
                    .directory(workdir.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(curl).isTrue();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.exitValue()).as("%s\n%s", curl, output).isZero();
            String last = output.substring(output.lastIndexOf('\n') + 1);
            int status = Integer.parseInt(last.split(" ")[0]);
            String contentType = last.contains(" ") ? last.substring(last.indexOf(' ') + 1) : "";
            String body = output.substring(0, output.lastIndexOf('\n'));
            if (body.startsWith("HTTP/")) {
                body = body.substring(body.indexOf("\r\n\r\n") + 4);
            }
            System.out.printf("README: %s -> %d%n", curl.lines().findFirst().orElse(curl), status);
            assertThat(status).as("%s\n%s", curl, output).isBetween(200, 299);
            Matcher method = Pattern.compile("-X (\\w+)").matcher(curl);
            Matcher url = Pattern.compile("'?(http://localhost:8080[^' ]*)'?").matcher(curl);
            assertThat(url.find()).isTrue();
            assertThat(ContractValidator.get()
                            .violations(
                                    method.find() ? method.group(1) : "GET",
                                    url.group(1).replace("http://localhost:8080", "http://localhost"),
                                    status,
                                    contentType,
                                    body))
                    .as("answer to %s matches the contract", curl)
                    .isEmpty();
            ran++;
        }
        System.out.printf("README curls run: %d%n", ran);
    }

    /** The shell commands of the section's code block: continuation lines joined, comments and blank lines left out. */
    static List<String> commands(String readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has a section %s", SECTION).isNotNegative();
        int open = readme.indexOf("```", start);
        int close = readme.indexOf("```", open + 3);
        String block = readme.substring(readme.indexOf('\n', open) + 1, close);
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (String line : block.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            inQuote ^= line.chars().filter(c -> c == '\'').count() % 2 == 1;
            if (!line.endsWith("\\") && !inQuote) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }
}
