package org.pairbench.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.core.spec.GuideCode;

/** A corrected variant carries the error its snippet recorded in the run; the table shows it and any surprise. */
class GuideSnippetsStepTest {
    private static final SnippetResult USE_HUB = new SnippetResult("AS/use-hub", SnippetResult.RAISED,
            "AttributeError", "module 'eventlet' has no attribute 'use_hub'", "as_use_hub.py:2", "", "", List.of(),
            812, true, null);
    private static final SnippetResult ADAPTER = new SnippetResult("AS/sync-async-adapter", SnippetResult.RAISED,
            "RuntimeError", "Cannot run the event loop while another loop is running", "as_sync_async_adapter.py:28",
            "RuntimeError: Cannot run synchronous call when event loop is already running.",
            "3 file descriptors still open", List.of("ResourceWarning x5: unclosed event loop"), 1207, false,
            "expected /x/ in the message, but got: Cannot run the event loop while another loop is running");

    @Test
    void aCorrectedVariantCarriesTheRecordedErrorAndAnAsWrittenOneNone() {
        SnippetRun run = new SnippetRun(SnippetRun.COMPLETE, "", List.of(USE_HUB));
        GuideCode corrected = new GuideCode(GuideCode.CORRECTED, "AS/use-hub", "eventlet.use_hub('asyncio')", "");
        assertThat(GuideSnippetsStep.recorded(corrected, run).error())
                .isEqualTo("AttributeError: module 'eventlet' has no attribute 'use_hub'");
        GuideCode asWritten = new GuideCode(GuideCode.AS_WRITTEN, "", "", "");
        assertThat(GuideSnippetsStep.recorded(asWritten, run)).isSameAs(asWritten);
        assertThat(GuideSnippetsStep.recorded(null, run)).isNull();

        SnippetRun docker = SnippetRun.notRun("the docker runtime has no local Python environment");
        assertThat(GuideSnippetsStep.recorded(corrected, docker).error()).isEqualTo("not recorded in this run (the "
                + "docker runtime has no local Python environment; ./pairbench snippets runs it)");
    }

    @Test
    void theTableShowsEachOutcomeItsErrorAndWhatDiffered() {
        String table = SnippetTable.render(List.of(USE_HUB, ADAPTER));
        assertThat(table).contains("snippet", "outcome", "as expected", "error (as recorded)")
                .containsPattern("AS/use-hub +raised +0\\.8s +yes +AttributeError: module 'eventlet' has no "
                        + "attribute 'use_hub'")
                .containsPattern("AS/sync-async-adapter +raised +1\\.2s +NO +RuntimeError: Cannot run the event loop")
                .contains("AS/sync-async-adapter: while handling RuntimeError: Cannot run synchronous call when "
                        + "event loop is already running.")
                .contains("AS/sync-async-adapter: observed: 3 file descriptors still open")
                .contains("AS/sync-async-adapter: warning: ResourceWarning x5: unclosed event loop")
                .contains("AS/sync-async-adapter: NOT AS EXPECTED: expected /x/ in the message");
    }
}
