using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hangar.Policy.Hosting.Registry;

/// <summary>
/// Starts an MCP server over stdio with the official C# SDK, asks it for <c>tools/list</c> (every page), and
/// stops it again. The server runs with the caller's rights: capture only servers you would run anyway.
/// </summary>
public static class ToolManifestCapture
{
    /// <summary>Captures the tools of the server started by <paramref name="command"/> <paramref name="arguments"/>.</summary>
    /// <exception cref="ToolCaptureException">The server could not be started, did not answer in time, or failed.</exception>
    public static async Task<CapturedManifest> CaptureAsync(string server, string command, IReadOnlyList<string> arguments,
        string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = server,
            Command = command,
            Arguments = [.. arguments],
            WorkingDirectory = workingDirectory,
        });

        var tools = new List<Tool>();
        try
        {
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: deadline.Token);
            string? cursor = null;
            do
            {
                var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }, deadline.Token);
                tools.AddRange(page.Tools);
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolCaptureException($"'{Describe(command, arguments)}' did not answer tools/list within {timeout.TotalSeconds:0} s; "
                + "check that the command starts an MCP server on stdio, or raise --timeout");
        }
        catch (Exception e) when (e is not OperationCanceledException and not ToolCaptureException)
        {
            throw new ToolCaptureException($"could not capture the tools of '{Describe(command, arguments)}': {e.Message}; "
                + "check that the command exists and starts an MCP server on stdio", e);
        }

        return CapturedManifest.FromTools(server, tools.Select(t => (t.Name, t.Title, t.Description, t.InputSchema, Hints(t.Annotations))));
    }

    private static JsonObject? Hints(ToolAnnotations? annotations)
    {
        if (annotations is null)
            return null;
        var hints = new JsonObject();
        void Add(string name, bool? value)
        {
            if (value is { } flag)
                hints[name] = flag;
        }

        Add("readOnlyHint", annotations.ReadOnlyHint);
        Add("destructiveHint", annotations.DestructiveHint);
        Add("idempotentHint", annotations.IdempotentHint);
        Add("openWorldHint", annotations.OpenWorldHint);
        return hints;
    }

    private static string Describe(string command, IReadOnlyList<string> arguments) =>
        string.Join(' ', [command, .. arguments]);
}
