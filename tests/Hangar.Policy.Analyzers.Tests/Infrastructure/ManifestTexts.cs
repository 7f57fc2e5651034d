namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>Small tool manifests in the MCP tools/list shape.</summary>
internal static class ManifestTexts
{
    public const string Fetch = """
        { "tools": [ { "name": "fetch", "description": "Fetches a URL.", "inputSchema": { "type": "object" } } ] }
        """;

    public const string Filesystem = """
        {
          "tools": [
            { "name": "read_file", "inputSchema": {}, "annotations": { "readOnlyHint": true, "openWorldHint": false } },
            { "name": "write_file", "inputSchema": {}, "annotations": { "readOnlyHint": false, "destructiveHint": true } },
            { "name": "read-file", "inputSchema": {} },
            { "name": "2fa", "inputSchema": {} },
            { "name": "all", "inputSchema": {} }
          ]
        }
        """;
}
