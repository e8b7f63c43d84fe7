package org.pairbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pairbench.core.result.ResultsJson;

/** Validates result files against the published JSON Schemas in {@code docs/schema/}. */
public final class ResultSchemas {
    private static final Path SCHEMAS = RunFixtures.PROJECT.resolve("docs/schema");

    private ResultSchemas() {
    }

    /** The schema violations of {@code file}, empty when it conforms. */
    public static List<String> violations(String schemaName, Path file) throws IOException {
        Schema schema;
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(schemaName))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        JsonNode json = ResultsJson.mapper().readTree(file.toFile());
        return schema.validate(json).stream().map(Error::toString).toList();
    }
}
