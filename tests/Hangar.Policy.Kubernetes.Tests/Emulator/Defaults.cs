using System.Text.Json.Nodes;

namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>The defaulting the emulator performs, as the API server does for NetworkPolicy.</summary>
internal static class Defaults
{
    public static void Apply(EmulatedType type, JsonObject obj)
    {
        if (type.Kind != "NetworkPolicy" || obj["spec"] is not JsonObject spec)
            return;

        // policyTypes defaults to Ingress, plus Egress when egress rules are present.
        if (spec["policyTypes"] is null)
        {
            var types = new JsonArray("Ingress");
            if (spec["egress"] is not null)
                types.Add("Egress");
            spec["policyTypes"] = types;
        }

        // A port without a protocol means TCP.
        foreach (var direction in new[] { "egress", "ingress" })
        {
            foreach (var rule in (spec[direction] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var port in (rule["ports"] as JsonArray ?? []).OfType<JsonObject>())
                    port["protocol"] ??= "TCP";
            }
        }
    }
}
