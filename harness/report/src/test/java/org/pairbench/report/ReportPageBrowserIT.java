package org.pairbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimSource;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The report page opened from disk in a real headless browser (Debian's chromium through its chromedriver, built
 * from the same source package): it loads without console errors, every chart image is there, the claims table
 * shows the verdicts of claims.json and each links to an element of the page, and nothing is fetched from
 * anywhere but the results directory. Skipped where chromium or chromedriver is missing, except under
 * {@code CI=true}, where their absence fails the build ({@code .ci/run} installs both).
 */
class ReportPageBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Held so the setting stays: the test uses no DevTools binding, so Selenium's warning that none matches this
     * chromium's version is noise.
     */
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(Level.SEVERE);
    }

    @TempDir
    Path dir;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("CI=true needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does)").isTrue();
        }
        Assumptions.assumeTrue(present, "chromium or chromedriver not installed: browser test skipped "
                + "(apt-get install chromium chromium-driver)");
        // the driver binary is given, so Selenium Manager never runs (it would try to download one)
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--no-first-run", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL); // holds the network events: every URL the page requested
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static ClaimVerdict verdict(String id, String verdict, Double effect, String guideCode) {
        return new ClaimVerdict(id, "C3", new ClaimSource("AS", "WSGI Server",
                "replace eventlet.wsgi.server with aiohttp <fast>", null), ResultsFixture.WORKLOAD, "eventlet",
                "asyncio", "throughput", "hello-closed-4c", "req/s", "higher-is-better", "mean", "better", 1.1, null,
                ClaimVerdict.RATIO, verdict, "because " + id + "; then the figures behind it, "
                + "an-unbroken-token-as-long-as-a-pool-list-".repeat(8), effect, effect == null ? null : effect * 0.9,
                effect == null ? null : effect * 1.1, 0.95, effect == null ? 1 : 2, List.of(), List.of(), List.of(),
                null, guideCode != null, guideCode, "#w-" + ResultsFixture.WORKLOAD, null);
    }

    private void writeRun() throws Exception {
        List<StepResult> steps = new ArrayList<>();
        for (int c : new int[] {1, 4}) {
            for (int trial = 1; trial <= 2; trial++) {
                String id = "hello-closed-" + c + "c";
                StepResult e = ResultsFixture.step("eventlet", trial, id, c, 900.0 * c, true, StepResult.OK, null);
                StepResult a = ResultsFixture.step("asyncio", trial, id, c, 700.0 * c, trial == 1, StepResult.OK,
                        null);
                steps.add(e);
                steps.add(a);
                ResultsFixture.hlog(dir, e, 0.9 * c);
                ResultsFixture.hlog(dir, a, 0.7 * c);
            }
        }
        WorkloadResult hello = ResultsFixture.workload(ResultsFixture.WORKLOAD, ResultsFixture.parityPassed(), steps,
                List.of());
        ResultsFixture.write(dir, ResultsFixture.run("browser-run"), new RunSummary(RunSummary.SCHEMA,
                "browser-run", RunSummary.COMPLETE, "2025-01-02T03:04:05Z", "2025-01-02T03:10:00Z", "smoke",
                "local", List.of(hello)));
        ClaimsReport claims = new ClaimsReport(ClaimsReport.SCHEMA, "browser-run",
                List.of(new ClaimsReport.AaSeries(ResultsFixture.WORKLOAD, "asyncio", "throughput",
                        "hello-closed-4c", ClaimVerdict.RATIO, 1.01, 0.97, 1.05, 2, false)),
                List.of(verdict("C3/supported", ClaimVerdict.SUPPORTED, 1.8, null),
                        verdict("C3/refuted", ClaimVerdict.REFUTED, 0.5, null),
                        verdict("C3/no-data", ClaimVerdict.NO_DATA, null, null),
                        verdict("C3/broken", ClaimVerdict.SUPPORTED, 1.2, "AttributeError: no use_hub")));
        ResultsJson.write(new ResultLayout(dir).claimsJson(), claims);
    }

    @Test
    void thePageOpenedFromDiskShowsEveryChartAndTheClaimsWithoutErrors() throws Exception {
        writeRun();
        ReportRenderer.render(dir);
        Path index = new ResultLayout(dir).indexHtml();

        browser.get(index.toUri().toString());

        assertThat(browser.getTitle()).contains("browser-run");
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();

        List<WebElement> images = browser.findElements(By.tagName("img"));
        // the claims' forest plot, then 2 steps x (percentiles + timeline) + throughput + CPU per request + RSS per
        // connection
        assertThat(images).hasSize(8);
        assertThat(images.get(0).getAttribute("src")).endsWith("charts/claims-forest.png");
        JavascriptExecutor js = browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (WebElement img : images) {
            // charts load lazily: bring each into view, then wait until the browser is done with it
            js.executeScript("arguments[0].scrollIntoView();", img);
            wait.until(d -> (Boolean) js.executeScript("return arguments[0].complete;", img));
            Object width = js.executeScript("return arguments[0].naturalWidth;", img);
            assertThat(((Number) width).longValue()).as("image " + img.getAttribute("src") + " decoded").isPositive();
        }

        List<WebElement> rows = browser.findElements(By.cssSelector("table.claims tr[id^='claim-']"));
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("span.verdict")).getText())
                .containsExactly("supported", "refuted", "no-data", "supported");
        assertThat(rows.get(0).getText()).contains("1.80\u00d7").contains("[1.62, 1.98]")
                .contains("replace eventlet.wsgi.server with aiohttp <fast>");
        // broken is a flag beside the corrected code's verdict
        assertThat(rows.get(3).findElements(By.cssSelector("span.verdict"))).extracting(WebElement::getText)
                .containsExactly("supported", "broken");
        // the reason's first clause shows; the rest, and what the guide's original raised, are folded under it
        assertThat(rows.get(3).findElement(By.tagName("summary")).getText()).isEqualTo("because C3/broken");
        assertThat(rows.get(3).findElement(By.tagName("details")).getAttribute("textContent"))
                .contains("AttributeError: no use_hub");

        // the headline counts each verdict; one line of words per claim, generated from the claim
        assertThat(browser.findElement(By.cssSelector("p.headline")).getText())
                .isEqualTo("4 claim comparisons: 2 supported \u00b7 1 refuted \u00b7 0 inconclusive \u00b7 1 no-data "
                        + "\u00b7 1 broken");
        assertThat(browser.findElements(By.cssSelector("ul.claim-lines li"))).extracting(WebElement::getText)
                .containsExactly(
                        "C3/supported: asyncio serves 1.80\u00d7 the requests of eventlet at 4 connections "
                                + "[1.62, 1.98]: supported",
                        "C3/refuted: asyncio serves 0.50\u00d7 the requests of eventlet at 4 connections "
                                + "[0.45, 0.55]: refuted",
                        "C3/no-data: asyncio against eventlet, throughput at 4 connections: no data",
                        "C3/broken: asyncio serves 1.20\u00d7 the requests of eventlet at 4 connections "
                                + "[1.08, 1.32]: supported");

        // the claims table fits a 1280-pixel window: nothing wider than the page, no horizontal scrolling
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        Object overflow = js.executeScript("var t = document.querySelector('table.claims');"
                + "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                + " t.scrollWidth, t.clientWidth, t.getBoundingClientRect().right];");
        List<?> widths = (List<?>) overflow;
        long pageScroll = ((Number) widths.get(0)).longValue();
        long pageClient = ((Number) widths.get(1)).longValue();
        assertThat(pageScroll).as("page width at 1280 px").isLessThanOrEqualTo(pageClient);
        assertThat(((Number) widths.get(2)).longValue()).as("claims table width")
                .isLessThanOrEqualTo(((Number) widths.get(3)).longValue());
        assertThat(((Number) widths.get(4)).doubleValue()).as("claims table's right edge")
                .isLessThanOrEqualTo(pageClient);
        String section = "#w-" + ResultsFixture.WORKLOAD;
        assertThat(rows).allSatisfy(r -> assertThat(r.findElements(By.cssSelector("a[href]")))
                .extracting(a -> a.getAttribute("href").replaceFirst("^[^#]*", ""))
                .containsExactly(section, section + "-step-hello-closed-4c"));
        for (WebElement link : browser.findElements(By.cssSelector("a[href^='#']"))) {
            String target = link.getAttribute("href").replaceFirst("^[^#]*#", "");
            assertThat(browser.findElements(By.id(target))).as("anchor #" + target + " exists").hasSize(1);
        }

        // every request the page made (the browser's network log) went to the results directory: no network
        List<String> requested = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = ResultsJson.mapper().readTree(e.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                requested.add(message.path("params").path("request").path("url").asText());
            }
        }
        String dirUrl = dir.toUri().toString().replace("file:///", "file:/");
        assertThat(requested).as("requests made by the page").hasSizeGreaterThan(images.size())
                .allSatisfy(url -> assertThat(url.replace("file:///", "file:/")).startsWith(dirUrl));
    }

    @Test
    void aMigrationsPhasesGetTheirLadderChartsFirst() throws Exception {
        List<VariantInfo> phases = List.of(
                new VariantInfo("p0-eventlet", "all eventlet", List.of("python"), Map.of("phase", "0: all eventlet"),
                        null),
                new VariantInfo("p1-asyncio", "pure asyncio", List.of("python"), Map.of("phase", "1: pure asyncio"),
                        null));
        List<StepResult> steps = new ArrayList<>();
        for (int trial = 1; trial <= 2; trial++) {
            for (VariantInfo v : phases) {
                StepResult closed = ResultsFixture.step(v.name(), trial, "item-closed-4c", 4, 900.0 * trial, true,
                        StepResult.OK, null);
                StepResult open = ResultsFixture.step(v.name(), trial, "item-open-500rps", 4, 700.0 * trial, true,
                        StepResult.OK, null);
                open = new StepResult(open.variant(), trial, open.step(), "open", open.request(), 4, 500.0,
                        open.achievedRatePerSec(), open.measureSec(), open.counts(), open.corrected(),
                        open.uncorrected(), open.sendLag(), open.generator(), open.target(), open.hlog(),
                        StepResult.OK, null);
                steps.addAll(List.of(closed, open));
                ResultsFixture.hlog(dir, closed, trial);
                ResultsFixture.hlog(dir, open, trial);
            }
        }
        WorkloadResult migration = new WorkloadResult(ResultsFixture.WORKLOAD, "two phases", List.of("C27"), "full",
                phases, ResultsFixture.parityPassed(), steps, List.of());
        ResultsFixture.write(dir, ResultsFixture.run("ladder-run"), new RunSummary(RunSummary.SCHEMA, "ladder-run",
                RunSummary.COMPLETE, "2025-01-02T03:04:05Z", "2025-01-02T03:10:00Z", "full", "local",
                List.of(migration)));
        ReportRenderer.render(dir);

        browser.get(new ResultLayout(dir).indexHtml().toUri().toString());

        List<WebElement> images = browser.findElements(By.tagName("img"));
        // two ladders, 2 steps x (percentiles + timeline), 2 throughput-vs-p99 (open and closed), CPU, RSS
        assertThat(images).hasSize(10);
        assertThat(images.subList(0, 2)).extracting(i -> i.getAttribute("src").replaceFirst("^.*/", ""))
                .containsExactly("ladder-throughput.png", "ladder-p99.png");
        assertThat(images.get(0).findElement(By.xpath("preceding::h4[1]")).getText())
                .isEqualTo("The migration, phase by phase");
        JavascriptExecutor js = browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (WebElement img : images.subList(0, 2)) {
            js.executeScript("arguments[0].scrollIntoView();", img);
            wait.until(d -> (Boolean) js.executeScript("return arguments[0].complete;", img));
            assertThat(((Number) js.executeScript("return arguments[0].naturalWidth;", img)).longValue()).isPositive();
        }
    }

    @Test
    void withoutClaimsJsonThePageSaysThereAreNoVerdicts() throws Exception {
        writeRun();
        Files.delete(new ResultLayout(dir).claimsJson());
        ReportRenderer.render(dir);

        browser.get(new ResultLayout(dir).indexHtml().toUri().toString());

        assertThat(browser.findElement(By.id("claims")).getText()).contains("No claims.json");
        assertThat(browser.findElements(By.cssSelector("table.claims"))).isEmpty();
    }
}
