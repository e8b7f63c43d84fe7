package org.pairbench.netty.tcp;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.record.Outcome;
import org.pairbench.netty.load.ExchangeListener;

/** Records a protocol's callbacks in order: {@code ready}, {@code OK}, {@code BAD_RESPONSE close}, {@code closed}. */
public final class RecordingListener implements ExchangeListener {
    public final List<String> seen = new ArrayList<>();

    @Override
    public void onReady() {
        seen.add("ready");
    }

    @Override
    public void onAnswer(Outcome outcome, boolean keepOpen) {
        seen.add(outcome + (keepOpen ? "" : " close"));
    }

    @Override
    public void onClosed() {
        seen.add("closed");
    }
}
