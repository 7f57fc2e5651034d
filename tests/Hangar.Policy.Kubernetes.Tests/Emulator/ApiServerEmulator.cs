using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using k8s;

namespace Hangar.Policy.Kubernetes.Tests.Emulator;

/// <summary>
/// A loopback emulator of the parts of the Kubernetes API that Hangar.Policy.Kubernetes uses: version and discovery,
/// apiextensions CRDs, GET and LIST with label selectors, server-side apply with field manager, force and dry
/// run, DELETE with preconditions, and injected failures (any status, slow answers). It listens on 127.0.0.1 on
/// an ephemeral port and records every write it stores.
/// </summary>
internal sealed class ApiServerEmulator : IDisposable
{
    private static readonly EmulatedType Crd =
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false);

    private readonly HttpListener _listener = new();
    private readonly List<EmulatedType> _types =
    [
        new("", "v1", "ConfigMap", "configmaps", true),
        new("", "v1", "Namespace", "namespaces", false),
        new("apps", "v1", "DaemonSet", "daemonsets", true),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
        Crd,
    ];
    private readonly ConcurrentQueue<InjectedFailure> _failures = new();
    private readonly ConcurrentQueue<string> _writes = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _loop;

    public ApiServerEmulator()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public EmulatedStore Store { get; } = new();

    public string KubernetesVersion { get; set; } = "v1.31.2";

    /// <summary>Every stored write (apply, delete) as <c>METHOD path</c>; dry runs are not writes.</summary>
    public IReadOnlyList<string> Writes => [.. _writes];

    /// <summary>Every request as <c>METHOD path?query</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public KubernetesClientConfiguration Configuration => new() { Host = $"http://127.0.0.1:{Port}" };

    public void InstallCrd(JsonObject crd)
    {
        var spec = crd["spec"]!;
        var served = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() == true);
        foreach (var version in served)
        {
            lock (_types)
            {
                _types.Add(new(spec["group"]!.GetValue<string>(), version["name"]!.GetValue<string>(),
                    spec["names"]!["kind"]!.GetValue<string>(), spec["names"]!["plural"]!.GetValue<string>(),
                    spec["scope"]!.GetValue<string>() == "Namespaced"));
            }
        }
        Store.Put(Crd, crd, "installer");
    }

    public void Seed(string apiVersion, string kind, JsonObject obj, string manager = "kubectl") =>
        Store.Put(Type(apiVersion, kind), obj, manager);

    public JsonObject? Live(string apiVersion, string kind, string? ns, string name) => Store.Get(Type(apiVersion, kind), ns, name);

    public void Fail(string method, string pathContains, int status, int times = 1, TimeSpan? delay = null, string? body = null) =>
        _failures.Enqueue(new InjectedFailure(method, pathContains, status, times, delay ?? TimeSpan.Zero, body));

    public void ClearLogs()
    {
        _writes.Clear();
        _requests.Clear();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; its exception means only that.
        }
    }

    private EmulatedType Type(string apiVersion, string kind)
    {
        lock (_types)
            return _types.First(t => t.GroupVersion == apiVersion && t.Kind == kind);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            body = await reader.ReadToEndAsync();
        _requests.Enqueue($"{request.HttpMethod} {request.Url.PathAndQuery}");

        int status;
        JsonNode? answer;
        var failure = _failures.FirstOrDefault(f => f.TryTake(request.HttpMethod, path));
        if (failure is not null)
        {
            await Task.Delay(failure.Delay);
            answer = failure.Body is null ? Status(failure.Status, "Injected", "injected failure") : JsonNode.Parse(failure.Body);
            status = failure.Status;
        }
        else
        {
            try
            {
                (status, answer) = Route(request.HttpMethod, path, query, body, request.ContentType);
            }
            catch (Exception e)
            {
                (status, answer) = (500, Status(500, "InternalError", e.ToString()));
            }
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status == 429)
                context.Response.AddHeader("Retry-After", "0");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout under test); nothing is left to answer.
        }
    }

    private (int, JsonNode?) Route(string method, string path, System.Collections.Specialized.NameValueCollection query,
        string body, string? contentType)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (method == "GET" && path == "/version")
            return (200, new JsonObject { ["major"] = "1", ["gitVersion"] = KubernetesVersion });
        if (method == "GET" && segments is ["api"])
            return (200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
        if (method == "GET" && segments is ["api", var coreVersion])
            return Discovery("", coreVersion);
        if (method == "GET" && segments is ["apis", var group, var version])
            return Discovery(group, version);

        var (groupName, versionName, rest) = segments switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => ("", "", Array.Empty<string>()),
        };
        var (ns, plural, name) = rest switch
        {
            ["namespaces", var n, var p] => (n, p, null),
            ["namespaces", var n, var p, var item] => (n, p, item),
            [var p] => (null, p, null),
            [var p, var item] => ((string?)null, p, item),
            _ => (null, "", null),
        };
        EmulatedType? type;
        lock (_types)
            type = _types.FirstOrDefault(t => t.Group == groupName && t.Version == versionName && t.Plural == plural);
        if (type is null)
            return (404, Status(404, "NotFound", $"the server could not find the requested resource ({path})"));

        var dryRun = query["dryRun"] == "All";
        return (method, name) switch
        {
            ("GET", null) => (200, new JsonObject
            {
                ["kind"] = type.Kind + "List",
                ["apiVersion"] = type.GroupVersion,
                ["items"] = new JsonArray([.. Store.List(type, ns).Where(o => LabelSelector.Matches(query["labelSelector"], o))
                    .Select(o => (JsonNode)o)]),
            }),
            ("GET", not null) => Store.Get(type, ns, name) is { } found
                ? (200, found)
                : (404, Status(404, "NotFound", $"{type.Plural}.{type.Group} \"{name}\" not found")),
            ("PATCH", not null) => Apply(type, ns, name, query, body, contentType, dryRun, path),
            ("DELETE", not null) => Delete(type, ns, name, body, dryRun, path),
            _ => (405, Status(405, "MethodNotAllowed", $"{method} is not supported here")),
        };
    }

    private (int, JsonNode?) Apply(EmulatedType type, string? ns, string name, System.Collections.Specialized.NameValueCollection query,
        string body, string? contentType, bool dryRun, string path)
    {
        if (contentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) != true)
            return (415, Status(415, "UnsupportedMediaType", $"the emulator accepts only apply patches, not {contentType}"));
        if (string.IsNullOrEmpty(query["fieldManager"]))
            return (400, Status(400, "BadRequest", "fieldManager is required for apply requests"));

        var config = JsonNode.Parse(body)!.AsObject();
        var bodyNamespace = config["metadata"]?["namespace"]?.GetValue<string>() ?? ns;
        if (config["metadata"]?["name"]?.GetValue<string>() != name || (type.Namespaced && bodyNamespace != ns))
            return (400, Status(400, "BadRequest", "the name or namespace of the object does not match the URL"));

        var (result, conflicts) = Store.Apply(type, config, query["fieldManager"]!, query["force"] == "true", dryRun);
        if (result is null)
        {
            var status = Status(409, "Conflict", $"Apply failed with {conflicts.Count} conflict(s)");
            status["details"] = new JsonObject
            {
                ["causes"] = new JsonArray([.. conflicts.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = "FieldManagerConflict",
                    ["message"] = $"conflict with \"{c.Manager}\" using {type.GroupVersion}",
                    ["field"] = c.Field,
                })]),
            };
            return (409, status);
        }
        if (!dryRun)
            _writes.Enqueue($"PATCH {path}");
        return (200, result);
    }

    private (int, JsonNode?) Delete(EmulatedType type, string? ns, string name, string body, bool dryRun, string path)
    {
        var existing = Store.Get(type, ns, name);
        if (existing is null)
            return (404, Status(404, "NotFound", $"{type.Plural}.{type.Group} \"{name}\" not found"));

        var uid = body.Length == 0 ? null : JsonNode.Parse(body)?["preconditions"]?["uid"]?.GetValue<string>();
        if (uid is not null && uid != existing["metadata"]!["uid"]!.GetValue<string>())
            return (409, Status(409, "Conflict", "Precondition failed: UID in precondition does not match the object"));

        Store.Delete(type, ns, name, dryRun);
        if (!dryRun)
            _writes.Enqueue($"DELETE {path}");
        return (200, existing);
    }

    private (int, JsonNode?) Discovery(string group, string version)
    {
        List<EmulatedType> served;
        lock (_types)
            served = [.. _types.Where(t => t.Group == group && t.Version == version)];
        if (served.Count == 0)
            return (404, Status(404, "NotFound", $"{group}/{version} is not served"));

        return (200, new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["groupVersion"] = served[0].GroupVersion,
            ["resources"] = new JsonArray([.. served.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Plural,
                ["kind"] = t.Kind,
                ["namespaced"] = t.Namespaced,
                ["verbs"] = new JsonArray("get", "list", "patch", "delete"),
            })]),
        });
    }

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };
}
