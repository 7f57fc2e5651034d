using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hangar.Policy.Configuration;

/// <summary>
/// What a hangar.yaml may look like before it is loaded into a node tree: at most <see cref="MaxCharacters"/>
/// characters, nested at most <see cref="MaxNesting"/> deep, and without tags. Loading a node tree recurses once per
/// level, so a few hundred thousand nested '[' would overflow the stack and end the process before any error could
/// be reported; the event stream read here is flat, so it can count the depth safely first.
/// </summary>
internal static class ConfigDocumentLimits
{
    /// <summary>The longest text read; a real hangar.yaml is a few hundred bytes.</summary>
    internal const int MaxCharacters = 1 << 20;

    /// <summary>The deepest nesting of mappings and lists; hangar.yaml needs five levels.</summary>
    internal const int MaxNesting = 32;

    /// <summary>Throws <see cref="HangarConfigException"/> naming the line when <paramref name="yaml"/> breaks a limit.</summary>
    internal static void Check(string yaml, string source)
    {
        if (yaml.Length > MaxCharacters)
            throw new HangarConfigException(source, "(file)",
                $"the file is {yaml.Length} characters long, more than the {MaxCharacters} read",
                "keep hangar.yaml to the engines, their versions and options, and the cluster facts");

        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;

            // A tag asks for a type hangar.yaml never has; ignoring it would read the value as something it is not.
            if (current is NodeEvent { Tag.IsEmpty: false } tagged)
                throw new HangarConfigException(source, $"line {current.Start.Line}", $"the tag '{tagged.Tag}' is not allowed",
                    "remove the tag: hangar.yaml takes plain values, lists and mappings only");

            if (current is SequenceStart or MappingStart && ++depth > MaxNesting)
                throw new HangarConfigException(source, $"line {current.Start.Line}",
                    $"lists and mappings are nested more than {MaxNesting} deep",
                        "hangar.yaml needs at most five levels: remove the extra nesting");
            else if (current is SequenceEnd or MappingEnd)
                depth--;
        }
    }
}
