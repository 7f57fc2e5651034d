using Hangar.Policy.Compilation;
using Hangar.Policy.Model;
using Hangar.Policy.Output;

namespace Hangar.Policy.Falco;

/// <summary>One Falco <c>rule</c> item: its name, description, condition, provenance output, priority and tags.</summary>
internal static class FalcoRuleItem
{
    public static ObjectNode Create(BackendContext context, ServerTarget target, ToolTarget? tool, ResolvedRule rule,
        FalcoCondition condition, string watches)
    {
        var scope = tool?.Scope ?? target.Scope;
        var audit = rule.Mode == RuleMode.Audit || rule.Rule is Rules.AuditSyscallRule;

        // Literal text in the output is made of names the SDK has validated (DNS labels, MCP tool names, rule ids);
        // everything that comes from the event is a %field.
        var output = $"Hangar.Policy rule matched (rule_id={rule.Id} policy_set={context.Policy.Name} workspace={target.Workspace} "
            + $"server={target.Server} tool={tool?.Name ?? "-"} mode={(audit ? "audit" : "enforce")}) {watches} "
            + "process=%proc.exepath cmdline=%proc.cmdline pid=%proc.pid parent=%proc.pexepath "
            + "container_id=%container.id container_name=%container.name pod=%k8s.pod.name namespace=%k8s.ns.name "
            + $"user=%k8s.pod.label[{HangarLabels.User}] workflow_run=%k8s.pod.label[{HangarLabels.WorkflowRun}]";

        return new ObjectNode
        {
            ["rule"] = $"Hangar {scope.Path} {rule.Id}",
            ["desc"] = $"{rule.Rule.Describe()} (policy set {context.Policy.Name}, rule {rule.Id}, applied to {scope.Path})",
            ["condition"] = condition.ToString(),
            ["output"] = output,
            ["priority"] = audit ? "NOTICE" : "ERROR",
            ["tags"] = new List<string> { "hangar", "mcp", rule.Rule.Intent, $"hangar.workspace.{target.Workspace}" },
        };
    }
}
