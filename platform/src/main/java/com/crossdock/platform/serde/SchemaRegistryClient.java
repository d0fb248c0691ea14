package com.crossdock.platform.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that the serde needs. Any registry that speaks it
 * (Confluent, Apicurio's ccompat API, Karapace, Redpanda, or {@link InProcessSchemaRegistry}) will do.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; fails when it is not registered. */
    int idOf(String subject, Schema schema);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The schema with this global id. */
    Schema byId(int id);

    record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }
}
