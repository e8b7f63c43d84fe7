package org.pairbench.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = PairbenchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"pairbench " + (v == null ? "(development build)" : v)};
    }
}
