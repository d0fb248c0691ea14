package com.crossdock.deploy;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the Compose Specification's JSON schema (compose-spec.json, draft 7), the
 * schema `docker compose config` itself validates with.
 */
class ComposeSpecificationTest {

    private static final Schema COMPOSE_SPEC = composeSpec();

    @Test
    void dockerComposeFileConformsToTheComposeSpecification() {
        List<Error> errors = COMPOSE_SPEC.validate(DeployFiles.yaml(DeployFiles.composeFile()));

        assertThat(errors).as("violations of the Compose specification in docker-compose.yml").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "broken-compose-ports-number.yml, /services/x/ports",
            "broken-compose-unknown-top-level-key.yml, servics"})
    void rejectsComposeFileThatBreaksTheSpecification(String resource, String culprit) {
        JsonNode broken = DeployFiles.yamlResource(resource);

        List<Error> errors = COMPOSE_SPEC.validate(broken);

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(error -> assertThat(error.toString()).contains(culprit));
    }

    private static Schema composeSpec() {
        // Draft 7 (the spec's $schema), plus "deprecated": a later draft's annotation the spec uses.
        Dialect composeDialect = Dialect.builder(Dialects.getDraft7())
                .keyword(new AnnotationKeyword("deprecated"))
                .build();
        // Loaded by location: the schema's $id ("compose_spec.json") is relative and needs a base to resolve.
        return SchemaRegistry.builder()
                .defaultDialectId(DialectId.DRAFT_7)
                .dialectRegistry(new BasicDialectRegistry(composeDialect))
                .build()
                .getSchema(SchemaLocation.of("classpath:compose-spec.json"));
    }
}
