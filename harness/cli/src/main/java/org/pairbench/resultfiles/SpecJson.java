package org.pairbench.resultfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.Units;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.Workload;

/**
 * The workload as it was run, defaults applied and sweeps expanded, as JSON for run.json: enough to know exactly
 * what load each variant received without the original file. Durations and rates keep their units as text.
 * Stateless.
 */
public final class SpecJson {
    private SpecJson() {
    }

    public static JsonNode of(Workload w, LoadProfile profile) {
        ObjectNode root = ResultsJson.mapper().createObjectNode();
        root.put("name", w.name());
        root.put("file", w.file().toString());
        root.put("description", w.description());
        root.put("kind", w.kind().key());
        root.set("claims", ResultsJson.mapper().valueToTree(w.claims()));
        ObjectNode requests = root.putObject("requests");
        for (RequestSpec r : w.requests().values()) {
            ObjectNode n = requests.putObject(r.name());
            n.put("method", r.method());
            n.put("path", r.path());
            n.set("headers", ResultsJson.mapper().valueToTree(r.headers()));
        }
        root.set("parity", ResultsJson.mapper().valueToTree(w.parity()));
        ObjectNode variants = root.putObject("variants");
        for (VariantSpec v : w.variants().values()) {
            ObjectNode n = variants.putObject(v.name());
            n.put("description", v.description());
            n.put("launch", v.launch() instanceof TargetLaunch.Python ? "python" : "command");
            n.set("argv", ResultsJson.mapper().valueToTree(v.launch().argv()));
            n.put("host", v.host());
            n.set("env", ResultsJson.mapper().valueToTree(v.env()));
            n.set("settings", ResultsJson.mapper().valueToTree(v.settings()));
            if (v.guide() != null) {
                n.set("guide", ResultsJson.mapper().valueToTree(v.guide()));
            }
        }
        ObjectNode p = root.putObject("profile");
        p.put("name", profile.name());
        p.put("trials", profile.trials());
        p.put("warmup", Units.formatDuration(profile.trialWarmup()));
        p.put("warmupConnections", profile.warmupConnections());
        if (w.inProcess()) {
            p.set("pyperf", ResultsJson.mapper().valueToTree(profile.pyperfArgs()));
            p.put("trialTimeout", Units.formatDuration(profile.trialTimeout()));
        }
        ArrayNode steps = p.putArray("steps");
        for (StepSpec s : profile.steps()) {
            ObjectNode n = steps.addObject();
            n.put("id", s.id());
            n.put("mode", s instanceof StepSpec.OpenLoop ? "open" : s instanceof StepSpec.InProcess ? "inprocess"
                    : "closed");
            n.put("request", s.request());
            if (s instanceof StepSpec.OpenLoop o) {
                n.put("rate", Units.formatRate(o.ratePerSec()));
            }
            n.put("connections", s.connections());
            n.put("warmup", Units.formatDuration(s.warmup()));
            n.put("duration", Units.formatDuration(s.duration()));
            n.put("timeout", Units.formatDuration(s.timeout()));
        }
        return root;
    }
}
