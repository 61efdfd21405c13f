package io.supplyguard.gateway.contract;

import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The contract's schema repository, handing out one validator per schema for good.
 * vertx-json-schema 5.0.7 builds a new validator for every value it validates, and each copies
 * the repository's whole lookup table (every schema of the document and the meta-schemas):
 * measured, that was three quarters of the gateway's CPU on a drawdown. A validator holds no
 * state of a validation, so one per schema serves every request. The schemas are those of the
 * parsed contract, a fixed set of objects, so the map is bounded by the document.
 *
 * <p>The contract is loaded once per gateway and read by every HTTP verticle instance at once.
 * Lookups read an immutable map through a volatile field, without a lock; a validator made for
 * the first time is added to a copy that replaces it (once per schema of the document).
 */
final class ReusedValidators implements SchemaRepository {
  private final SchemaRepository repository;
  /** Never changed once published: replaced by a copy, so readers need no lock. */
  private volatile Map<JsonSchema, Validator> validators = new IdentityHashMap<>();

  ReusedValidators(SchemaRepository repository) {
    this.repository = repository;
  }

  @Override
  public Validator validator(JsonSchema schema) {
    Validator validator = validators.get(schema);
    return validator != null ? validator : added(schema);
  }

  private synchronized Validator added(JsonSchema schema) {
    Validator validator = validators.get(schema);
    if (validator == null) {
      validator = repository.validator(schema);
      Map<JsonSchema, Validator> copy = new IdentityHashMap<>(validators);
      copy.put(schema, validator);
      validators = copy;
    }
    return validator;
  }

  @Override
  public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
    repository.dereference(schema);
    return this;
  }

  @Override
  public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
    repository.dereference(uri, schema);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs) {
    repository.preloadMetaSchema(fs);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
    repository.preloadMetaSchema(fs, draft);
    return this;
  }

  @Override
  public Validator validator(String ref) {
    return repository.validator(ref);
  }

  @Override
  public Validator validator(String ref, JsonSchemaOptions options) {
    return repository.validator(ref, options);
  }

  @Override
  public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
    return repository.validator(schema, options, dereference);
  }

  @Override
  public JsonObject resolve(JsonObject schema) {
    return repository.resolve(schema);
  }

  @Override
  public JsonSchema find(String pointer) {
    return repository.find(pointer);
  }
}
