using System.Collections.Generic;
using System.Text;

namespace Hangar.Policy.Analyzers.Manifests;

/// <summary>Turns server and tool names such as <c>read_file</c> or <c>github-mcp-server</c> into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary><c>read_file</c> becomes <c>ReadFile</c>; a leading digit gets a '_' in front.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (builder.Length == 0 || char.IsDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>Adds a number to <paramref name="identifier"/> until it is not in <paramref name="used"/>, then claims it.</summary>
    public static string Unique(string identifier, HashSet<string> used)
    {
        var candidate = identifier;
        for (var i = 2; !used.Add(candidate); i++)
            candidate = identifier + i;
        return candidate;
    }
}
