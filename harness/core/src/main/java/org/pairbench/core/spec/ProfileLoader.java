package org.pairbench.core.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code profiles:} entries of a workload file. A step entry may sweep: {@code rates: [..]} or
 * {@code connections: [..]} expand into one step per value, in the order written. Stateless.
 */
final class ProfileLoader {
    private ProfileLoader() {
    }

    static LoadProfile profile(String name, SpecNode p, Set<String> requests, Set<String> variants) {
        p.allowOnly("trials", "warmup", "warmup-connections", "defaults", "steps", "aa");
        String aa = p.has("aa") ? WorkloadLoader.reference(p.get("aa"), variants, "variant") : null;
        int trials = p.has("trials") ? p.get("trials").positiveInt() : Defaults.TRIALS;
        Duration trialWarmup = WorkloadLoader.orDefault(p, "warmup", Defaults.TRIAL_WARMUP);
        int warmupConnections = p.has("warmup-connections") ? p.get("warmup-connections").positiveInt()
                : Defaults.WARMUP_CONNECTIONS;
        SpecNode defaults = p.find("defaults");
        if (defaults != null) {
            defaults.allowOnly("warmup", "duration", "timeout", "connections");
        }
        List<StepSpec> steps = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (SpecNode item : p.get("steps").items()) {
            for (StepSpec step : steps(item, defaults, requests)) {
                if (!ids.add(step.id())) {
                    throw item.error("step '" + step.id() + "' appears twice in this profile");
                }
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            throw p.get("steps").error("define at least one step");
        }
        return new LoadProfile(name, trials, trialWarmup, warmupConnections, steps, aa);
    }

    private static List<StepSpec> steps(SpecNode item, SpecNode defaults, Set<String> requests) {
        if (!item.isMapping() || item.entries().size() != 1) {
            throw item.error("a step is either 'open: {...}' or 'closed: {...}'");
        }
        var entry = item.entries().entrySet().iterator().next();
        SpecNode s = entry.getValue();
        switch (entry.getKey()) {
            case "open" -> s.allowOnly("request", "rates", "connections", "warmup", "duration", "timeout", "probe",
                    "idle-connections");
            case "closed" -> s.allowOnly("request", "connections", "warmup", "duration", "timeout", "probe",
                    "idle-connections");
            default -> throw s.error("unknown step kind (expected 'open' or 'closed')");
        }
        StepSpec.Probe probe = s.has("probe") ? probe(s.get("probe"), requests) : null;
        int idle = s.has("idle-connections") ? s.get("idle-connections").positiveInt() : 0;
        String request = WorkloadLoader.reference(s.get("request"), requests, "request");
        Duration warmup = durationField(s, defaults, "warmup", Defaults.STEP_WARMUP);
        Duration duration = durationField(s, defaults, "duration", Defaults.STEP_DURATION);
        Duration timeout = durationField(s, defaults, "timeout", Defaults.TIMEOUT);
        List<StepSpec> out = new ArrayList<>();
        switch (entry.getKey()) {
            case "open" -> {
                int connections = s.has("connections") ? s.get("connections").positiveInt()
                        : defaults != null && defaults.has("connections") ? defaults.get("connections").positiveInt()
                        : Defaults.OPEN_LOOP_CONNECTIONS;
                for (SpecNode rate : s.get("rates").itemsOrSingle()) {
                    out.add(new StepSpec.OpenLoop(request, rate.ratePerSec(), connections, warmup, duration, timeout,
                            probe, idle));
                }
            }
            case "closed" -> {
                for (SpecNode c : s.get("connections").itemsOrSingle()) {
                    out.add(new StepSpec.ClosedLoop(request, c.positiveInt(), warmup, duration, timeout, probe, idle));
                }
            }
            default -> throw new AssertionError(entry.getKey());
        }
        return out;
    }

    private static StepSpec.Probe probe(SpecNode p, Set<String> requests) {
        p.allowOnly("request", "rate");
        return new StepSpec.Probe(WorkloadLoader.reference(p.get("request"), requests, "request"),
                p.get("rate").ratePerSec());
    }

    private static Duration durationField(SpecNode step, SpecNode defaults, String key, Duration fallback) {
        return WorkloadLoader.orDefault(step, key, WorkloadLoader.orDefault(defaults, key, fallback));
    }
}
