using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Tests.Fixtures;

/// <summary>
/// A TracingPolicyNamespaced CRD with the part of Tetragon's schema the fixture uses. <paramref name="withPodSelector"/>
/// false gives the schema of an engine too old to know <c>spec.podSelector</c>.
/// </summary>
internal static class TetragonCrd
{
    public static JsonObject TracingPolicyNamespaced(bool withPodSelector = true, string? schemaVersion = null)
    {
        var spec = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "kprobes": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["call"],
                    "properties": {
                      "call": { "type": "string" },
                      "syscall": { "type": "boolean", "default": true },
                      "args": { "type": "array", "items": { "type": "object", "required": ["index", "type"], "properties": {
                        "index": { "type": "integer", "format": "int32", "minimum": 0 },
                        "type": { "type": "string", "enum": ["auto", "int", "sock", "string", "file"] } } } },
                      "selectors": { "type": "array", "items": { "type": "object", "properties": {
                        "matchArgs": { "type": "array", "items": { "type": "object", "required": ["operator"], "properties": {
                          "index": { "type": "integer", "format": "int32" },
                          "operator": { "type": "string", "enum": ["Equal", "DAddr", "NotDAddr", "DPort"] },
                          "values": { "type": "array", "items": { "type": "string" } } } } },
                        "matchActions": { "type": "array", "items": { "type": "object", "required": ["action"], "properties": {
                          "action": { "type": "string", "enum": ["Post", "Sigkill", "Override"] } } } } } } }
                    }
                  }
                },
                "podSelector": {
                  "type": "object",
                  "nullable": true,
                  "properties": {
                    "matchLabels": { "type": "object", "additionalProperties": { "type": "string" } },
                    "matchExpressions": { "type": "array", "items": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } }
                  },
                  "x-kubernetes-map-type": "atomic"
                }
              }
            }
            """)!.AsObject();
        if (!withPodSelector)
            spec["properties"]!.AsObject().Remove("podSelector");

        var labels = new JsonObject();
        if (schemaVersion is not null)
            labels["io.cilium.k8s.crd.schema.version"] = schemaVersion;
        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = "tracingpoliciesnamespaced.cilium.io", ["labels"] = labels },
            ["spec"] = new JsonObject
            {
                ["group"] = "cilium.io",
                ["names"] = new JsonObject { ["kind"] = "TracingPolicyNamespaced", ["plural"] = "tracingpoliciesnamespaced" },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = "v1alpha1",
                    ["served"] = true,
                    ["storage"] = true,
                    ["schema"] = new JsonObject
                    {
                        ["openAPIV3Schema"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = new JsonArray("metadata", "spec"),
                            ["properties"] = new JsonObject
                            {
                                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                                ["kind"] = new JsonObject { ["type"] = "string" },
                                ["metadata"] = new JsonObject { ["type"] = "object" },
                                ["spec"] = spec,
                            },
                        },
                    },
                }),
            },
        };
    }

    /// <summary>The cluster-scoped TracingPolicy CRD, which detection looks for.</summary>
    public static JsonObject TracingPolicy(string? schemaVersion = null)
    {
        var crd = TracingPolicyNamespaced(true, schemaVersion);
        crd["metadata"]!["name"] = "tracingpolicies.cilium.io";
        crd["spec"]!["names"] = new JsonObject { ["kind"] = "TracingPolicy", ["plural"] = "tracingpolicies" };
        crd["spec"]!["scope"] = "Cluster";
        return crd;
    }
}
