// Reads the manifests `kubectl kustomize` rendered (the file named by the first argument) and validates each object against
// its JSON schema from kubernetes-models: required fields, types, formats and enums. Exits 1
// naming every object that fails.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as core from "kubernetes-models/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as policy from "kubernetes-models/policy/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as monitoring from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const models = {
  "v1": core,
  "apps/v1": apps,
  "autoscaling/v2": autoscaling,
  "policy/v1": policy,
  "networking.k8s.io/v1": networking,
  "monitoring.coreos.com/v1": monitoring,
};

const input = readFileSync(process.argv[2], "utf8");

let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(input)) {
  const object = document.toJS();
  if (!object) continue;
  const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
  const Model = models[object.apiVersion]?.[object.kind];
  if (!Model) {
    console.error(`${name}: no schema to check it against`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    checked++;
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${checked} objects valid, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
