using System.Collections.Immutable;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Model;

/// <summary>One tool of an MCP server and the rules declared for it.</summary>
/// <param name="Name">The tool name, as the server lists it.</param>
/// <param name="Binaries">Absolute paths of the executables the tool runs as; empty when it runs inside the server process.</param>
/// <param name="Rules">Rules declared at this tool's scope.</param>
public sealed record ToolPolicy(string Name, ImmutableArray<string> Binaries, ImmutableArray<PolicyRule> Rules);
