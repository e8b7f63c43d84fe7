package org.pairbench.netty.load;

/** A step that could not run at all (no connection could be opened). The message is one line for the user. */
public final class LoadException extends Exception {
    public LoadException(String message) {
        super(message);
    }
}
