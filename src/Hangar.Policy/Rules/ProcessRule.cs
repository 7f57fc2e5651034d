namespace Hangar.Policy.Rules;

/// <summary>
/// A rule about what the processes of a scope do (run executables, open files, use capabilities, make system
/// calls) rather than where they connect. At tool scope it applies to the tool's binaries
/// (<see cref="Building.ToolBuilder.RunsAs"/>); without binaries it widens to the tool's server.
/// </summary>
public abstract record ProcessRule : PolicyRule;
